using Jsms.Platform.Access;
using Jsms.Features.Intelligence;
using Jsms.Platform.Database;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Platform;

/// <summary>
/// BulkInsert writes past EF Core (native binding on SQLite, binary COPY on PostgreSQL): its rows must be exactly what
/// EF Core writes, or EF Core's own queries (GUID keys compared as text on SQLite, times compared and ordered) miss them.
/// </summary>
public sealed class BulkInsertTests(EmptyJsmsTestApp app) : IClassFixture<EmptyJsmsTestApp>
{
    [Fact]
    public async Task Bulk_inserted_rows_read_back_through_ef_core_unchanged_and_are_found_by_key_and_by_time()
    {
        var collection = new StixCollection
        {
            Id = Guid.NewGuid(),
            Title = "Bulk insert",
            CreatedByAgencyId = Guid.NewGuid(),
            CreatedAt = new DateTime(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc),
        };
        await app.WithDb(async db =>
        {
            db.Add(collection);
            await db.SaveChangesAsync();
        });
        // Microseconds, a whole second (trailing zeros dropped in SQLite's text form), nulls, both booleans, an enum stored as text,
        // an empty and a long text.
        var at = new DateTime(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc).AddTicks(1_234_560);
        StixObjectVersion Row(int n, DateTime added, bool full) => new()
        {
            Id = Guid.NewGuid(),
            CollectionId = collection.Id,
            StixId = $"indicator--{Guid.NewGuid()}",
            Type = "indicator",
            Created = full ? added.AddDays(-1) : null,
            Modified = added,
            Version = StixTime.Format(added),
            Revoked = full,
            DateAdded = added,
            Name = full ? $"Indicator {n} \"quoted\" é" : null,
            // An empty text stays '' (not NULL); a text longer than the binding's buffer, in two-byte characters, makes it grow.
            SearchText = full ? "indicator" : n == 2 ? "" : null,
            Json = n == 3 ? $"{{\"n\":3,\"d\":\"{new string('é', 5000)}\"}}" : $"{{\"n\":{n}}}",
            OwnerAgencyId = collection.CreatedByAgencyId,
            Tlp = full ? Tlp.AmberStrict : Tlp.Green,
            CreatedByUserId = Guid.NewGuid(),
        };
        var rows = new List<StixObjectVersion> { Row(1, at, full: true), Row(2, at.AddSeconds(1).AddTicks(-1_234_560), full: false), Row(3, at.AddSeconds(2), full: true) };

        await app.WithDb(db => BulkInsert.InsertAsync(db, rows));

        await app.WithDb(async db =>
        {
            foreach (var expected in rows)
            {
                var (id, added) = (expected.Id, expected.DateAdded);
                var stored = await db.Set<StixObjectVersion>().AsNoTracking().SingleAsync(o => o.Id == id && o.DateAdded == added);
                Assert.Equivalent(expected, stored, strict: true);
            }
            var first = rows[0].DateAdded;
            var later = await db.Set<StixObjectVersion>().AsNoTracking()
                .Where(o => o.CollectionId == collection.Id && o.DateAdded > first).OrderBy(o => o.DateAdded).Select(o => o.Id).ToListAsync();
            Assert.Equal([rows[1].Id, rows[2].Id], later);
            var strict = await db.Set<StixObjectVersion>().AsNoTracking()
                .Where(o => o.CollectionId == collection.Id && o.Tlp == Tlp.AmberStrict && o.Revoked).CountAsync();
            Assert.Equal(2, strict);
        });
    }
}
