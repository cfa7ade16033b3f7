using System.Globalization;
using Jsms.Features.Intelligence;

namespace Jsms.Tests.Intelligence;

/// <summary>
/// STIX timestamps in the usual form are read by a direct parser (the importer's hot path); it must give exactly what the
/// general parse gives (UTC, truncated to microseconds) and refuse what is not a date.
/// </summary>
public sealed class StixTimeTests
{
    [Theory]
    [InlineData("2026-03-10T09:00:00Z")]
    [InlineData("2026-03-10T09:00:00.1Z")]
    [InlineData("2026-03-10T09:00:00.123Z")]
    [InlineData("2026-03-10T09:00:00.1234567Z")]
    [InlineData("2026-03-10T09:00:00.123456789Z")]
    [InlineData("2024-02-29T23:59:59.999999Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59.9999999Z")]
    public void A_timestamp_in_the_usual_form_reads_as_the_general_parse_reads_it(string text)
    {
        Assert.True(StixTime.TryParse(text, out var value));

        var seven = text.Length > 28 ? text[..27] + "Z" : text;
        var general = DateTime.Parse(seven, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        Assert.Equal(DateTimeKind.Utc, value.Kind);
        Assert.Equal(general.Ticks - general.Ticks % 10, value.Ticks);
    }

    [Fact]
    public void Fractions_are_kept_to_the_microsecond()
    {
        Assert.True(StixTime.TryParse("2026-03-10T09:00:00.123456789Z", out var value));

        Assert.Equal(new DateTime(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc).AddTicks(1_234_560), value);
        Assert.Equal("2026-03-10T09:00:00.123456Z", StixTime.Format(value));
    }

    [Theory]
    [InlineData("2026-02-30T00:00:00Z")]
    [InlineData("2026-13-01T00:00:00Z")]
    [InlineData("2026-03-10T24:00:00Z")]
    [InlineData("2026-03-10T09:60:00Z")]
    [InlineData("2026-03-10 09:00:00Z")]
    [InlineData("2026-03-10T09:00:00+00:00")]
    [InlineData("2026-03-10T09:00:00.12a4Z")]
    [InlineData("2026-0x-10T09:00:00Z")]
    [InlineData("yesterday at noonZ")]
    public void What_is_not_a_STIX_timestamp_is_refused(string text)
        => Assert.False(StixTime.TryParse(text, out _));
}
