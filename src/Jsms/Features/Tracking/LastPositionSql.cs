using System.Globalization;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Tracking;

/// <summary>Keeps <see cref="DeviceLastPosition"/>: a device's row moves only to a later position (a late or replayed fix does not).</summary>
internal static class LastPositionSql
{
    // Only for devices still registered: one deleted while its batch was in flight has no row to keep (its positions are
    // unreachable), and the foreign key would otherwise fail the whole group.
    private const string Upsert = """
        INSERT INTO "DeviceLastPositions" ("DeviceId", "PositionId", "Time") {0}
        ON CONFLICT ("DeviceId") DO UPDATE SET "PositionId" = excluded."PositionId", "Time" = excluded."Time"
        WHERE excluded."Time" > "DeviceLastPositions"."Time"
           OR (excluded."Time" = "DeviceLastPositions"."Time" AND excluded."PositionId" > "DeviceLastPositions"."PositionId")
        """;

    public static readonly string Sqlite = string.Format(CultureInfo.InvariantCulture, Upsert,
        """SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM "Devices" WHERE "Id" = ?1)""");

    public static readonly string Postgres = string.Format(CultureInfo.InvariantCulture, Upsert,
        """SELECT u.d, u.p, u.t FROM unnest($1, $2, $3) AS u(d, p, t) WHERE EXISTS (SELECT 1 FROM "Devices" WHERE "Id" = u.d)""");

    // Latest per device of the positions stored after the newest one recorded (a row only moves forward, so scanning from an
    // older id than strictly needed is harmless). Ids grow in commit order: the writer is the only one storing positions.
    private static readonly string CatchUp = string.Format(CultureInfo.InvariantCulture, Upsert, """
        SELECT l."DeviceId", l."Id", l."Time" FROM (
            SELECT p."DeviceId", p."Id", p."Time", ROW_NUMBER() OVER (PARTITION BY p."DeviceId" ORDER BY p."Time" DESC, p."Id" DESC) AS "Rank"
            FROM "Positions" AS p
            WHERE p."Id" > (SELECT COALESCE(MAX("PositionId"), 0) FROM "DeviceLastPositions")) AS l
        WHERE l."Rank" = 1 AND EXISTS (SELECT 1 FROM "Devices" WHERE "Id" = l."DeviceId")
        """);

    /// <summary>Brings the table up to date with positions stored but not yet reflected in it (the process stopped before the flush).</summary>
    public static Task<int> CatchUpAsync(JsmsDbContext db, CancellationToken cancellationToken)
        => db.Database.ExecuteSqlRawAsync(CatchUp, cancellationToken);
}
