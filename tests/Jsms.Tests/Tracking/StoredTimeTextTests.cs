using System.Globalization;
using System.Text;
using Jsms.Features.Tracking;

namespace Jsms.Tests.Tracking;

/// <summary>The SQLite writer formats times itself; EF Core must read them back as the same instant and order them as text.</summary>
public sealed class StoredTimeTextTests
{
    [Fact]
    public void The_writer_formats_times_exactly_as_ef_core_writes_them_on_sqlite()
    {
        var random = new Random(3);
        var times = new List<DateTime>
        {
            new(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc), new(1, 1, 1, 0, 0, 0, DateTimeKind.Utc), DateTime.MaxValue,
            new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1), new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1_000_000),
        };
        times.AddRange(Enumerable.Range(0, 10_000).Select(_ => new DateTime(random.NextInt64(DateTime.MaxValue.Ticks), DateTimeKind.Utc)));
        Span<byte> buffer = stackalloc byte[64];
        foreach (var time in times)
        {
            Assert.Equal(time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
                Encoding.UTF8.GetString(SqliteObservationStorage.Utf8Time(time, buffer)));
        }
    }
}
