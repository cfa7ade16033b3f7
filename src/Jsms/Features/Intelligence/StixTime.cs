using System.Globalization;

namespace Jsms.Features.Intelligence;

/// <summary>STIX and TAXII timestamps: RFC 3339 in UTC with a Z; JSMS keeps microseconds.</summary>
internal static class StixTime
{
    public static bool TryParse(string? text, out DateTime value)
    {
        value = default;
        if (text is null || text.Length < 20 || !text.EndsWith('Z') || text[10] != 'T')
        {
            return false;
        }
        // The form every STIX producer writes (yyyy-MM-ddTHH:mm:ss[.fff...]Z) read directly: DateTime.TryParse was the
        // largest part of the importer's checks. Anything else takes the general parse below, as before.
        if (TryParseExactUtc(text, out value))
        {
            return true;
        }
        // .NET reads at most 7 fractional digits: drop the rest (finer than JSMS keeps anyway).
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && text.Length - dot - 2 > 7)
        {
            text = text[..(dot + 8)] + "Z";
        }
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }
        value = ToMicroseconds(DateTime.SpecifyKind(parsed, DateTimeKind.Utc));
        return true;
    }

    private static bool TryParseExactUtc(string text, out DateTime value)
    {
        value = default;
        if (text[4] != '-' || text[7] != '-' || text[13] != ':' || text[16] != ':'
            || !Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        long fraction = 0;
        if (text.Length > 20)
        {
            // ".", at least one digit, the Z; digits past the seventh (finer than a tick) are dropped, like the general parse.
            if (text[19] != '.' || text.Length == 21)
            {
                return false;
            }
            var scale = TimeSpan.TicksPerSecond;
            for (var i = 20; i < text.Length - 1; i++)
            {
                var digit = text[i] - '0';
                if (digit is < 0 or > 9)
                {
                    return false;
                }
                if (scale > 1)
                {
                    scale /= 10;
                    fraction += digit * scale;
                }
            }
        }
        value = ToMicroseconds(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(fraction));
        return true;
    }

    private static bool Digits(string text, int start, int count, out int number)
    {
        number = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if (digit is < 0 or > 9)
            {
                return false;
            }
            number = number * 10 + digit;
        }
        return true;
    }

    public static DateTime ToMicroseconds(DateTime value) => new(value.Ticks - value.Ticks % 10, DateTimeKind.Utc);

    /// <summary>The TAXII form of a date_added: microseconds, Z.</summary>
    public static string Format(DateTime value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
