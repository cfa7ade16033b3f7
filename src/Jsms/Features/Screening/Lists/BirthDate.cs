using System.Globalization;

namespace Jsms.Features.Screening.Lists;

/// <summary>A birth date as lists give it: exact, a year or a month, approximate ("circa"), or a range of years.</summary>
internal sealed record BirthDate(int? Year, int? Month, int? Day, int? FromYear, int? ToYear, bool Approximate)
{
    public override string ToString()
    {
        if (FromYear is { } from && ToYear is { } to)
        {
            return $"between {from} and {to}";
        }
        var text = Day is { } d && Month is { } m ? $"{Year:0000}-{m:00}-{d:00}" : Month is { } mm ? $"{Year:0000}-{mm:00}" : $"{Year}";
        return Approximate ? "about " + text : text;
    }

    /// <summary>Parses the query form: yyyy, yyyy-mm or yyyy-mm-dd.</summary>
    public static BirthDate? ParseQuery(string? text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new BirthDate(date.Year, date.Month, date.Day, null, null, false);
        }
        var parts = text.Split('-');
        if (parts.Length == 2 && int.TryParse(parts[0], out var y2) && int.TryParse(parts[1], out var m2) && y2 is > 1800 and < 2200 && m2 is >= 1 and <= 12)
        {
            return new BirthDate(y2, m2, null, null, null, false);
        }
        return parts.Length == 1 && int.TryParse(text, out var y) && y is > 1800 and < 2200 ? new BirthDate(y, null, null, null, null, false) : null;
    }
}
