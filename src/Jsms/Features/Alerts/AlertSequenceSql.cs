namespace Jsms.Features.Alerts;

/// <summary>
/// The trigger that numbers alerts in commit order, for every writer (EF Core or not): it increments the one
/// <c>AlertSequence</c> row inside the inserting transaction. On PostgreSQL that row's lock is held until the
/// transaction ends, so a second transaction that inserts alerts waits and takes the next number only after the
/// first committed; SQLite has one writer at a time anyway. So once a reader sees alert N, every alert numbered
/// below N is committed and visible too: a cursor "after N" never skips one (docs/decisions/0009-alert-stream-replay.md).
/// Created by the AlertStreamReplay migrations.
/// </summary>
public static class AlertSequenceSql
{
    public const string Trigger = "Alerts_sequence";

    public const int RowId = 1;

    /// <summary>Numbers the alerts stored before the sequence existed, in the order they were raised.</summary>
    public const string Backfill = """
        UPDATE "Alerts" SET "Sequence" = n."Number"
        FROM (SELECT "Id", row_number() OVER (ORDER BY "RaisedAt", "Id") AS "Number" FROM "Alerts") AS n
        WHERE "Alerts"."Id" = n."Id";
        UPDATE "AlertSequence" SET "Last" = (SELECT COALESCE(MAX("Sequence"), 0) FROM "Alerts") WHERE "Id" = 1;
        """;

    public const string SqliteCreate = """
        CREATE TRIGGER "Alerts_sequence" AFTER INSERT ON "Alerts"
        BEGIN
            UPDATE "AlertSequence" SET "Last" = "Last" + 1 WHERE "Id" = 1;
            UPDATE "Alerts" SET "Sequence" = (SELECT "Last" FROM "AlertSequence" WHERE "Id" = 1) WHERE rowid = NEW.rowid;
        END;
        """;

    public const string SqliteDrop = """
        DROP TRIGGER IF EXISTS "Alerts_sequence";
        """;

    public const string PostgresCreate = """
        CREATE FUNCTION jsms_alert_sequence() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE "AlertSequence" SET "Last" = "Last" + 1 WHERE "Id" = 1 RETURNING "Last" INTO NEW."Sequence";
            RETURN NEW;
        END
        $$;
        CREATE TRIGGER "Alerts_sequence" BEFORE INSERT ON "Alerts"
            FOR EACH ROW EXECUTE FUNCTION jsms_alert_sequence();
        """;

    public const string PostgresDrop = """
        DROP TRIGGER IF EXISTS "Alerts_sequence" ON "Alerts";
        DROP FUNCTION IF EXISTS jsms_alert_sequence();
        """;
}
