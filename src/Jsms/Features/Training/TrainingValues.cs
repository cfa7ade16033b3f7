using System.Globalization;

namespace Jsms.Features.Training;

/// <summary>Lenient parsing of the values clients type ("no-show", "NoShow" and "no_show" are one status) and of dates.</summary>
internal static class TrainingValues
{
    public static bool TryParseDate(string? text, out DateOnly date)
        => DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
           && date.Year is >= 1990 and <= 2100;

    public static bool TryParseEnum<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        var compact = new string((text ?? "").Where(char.IsLetterOrDigit).ToArray());
        value = default;
        return compact.Length > 0 && !compact.All(char.IsDigit) && Enum.TryParse(compact, ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    public static string Choices<TEnum>() where TEnum : struct, Enum => string.Join(", ", Enum.GetNames<TEnum>());

    /// <summary>"60d", "60" (days) or "8w" (weeks), 1 to 3660 days.</summary>
    public static bool TryParseWithin(string? text, out int days)
    {
        days = 0;
        var t = (text ?? "").Trim().ToLowerInvariant();
        var factor = 1;
        if (t.EndsWith('d'))
        {
            t = t[..^1];
        }
        else if (t.EndsWith('w'))
        {
            (t, factor) = (t[..^1], 7);
        }
        if (!int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n * (long)factor > 3660)
        {
            return false;
        }
        days = n * factor;
        return true;
    }
}
