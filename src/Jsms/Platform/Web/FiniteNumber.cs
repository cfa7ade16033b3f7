using System.Globalization;

namespace Jsms.Platform.Web;

/// <summary>
/// The one parser of numbers that arrive as text (query and form parameters, CSV cells, XML attributes). Infinity and NaN
/// are not numbers to JSMS: <c>1e309</c> parses as infinity in .NET, and an infinite speed or latitude stored once breaks every
/// later read and computation, so they are refused where they enter, like any other text that is not a number.
/// JSON bodies get the same rule from <see cref="FiniteNumberConverter"/>.
/// </summary>
internal static class FiniteNumber
{
    /// <summary>A finite number in invariant culture (decimal point, optional exponent); false for anything else, infinity and NaN included.</summary>
    public static bool TryParse(string? text, out double value)
    {
        if (text is not null && double.TryParse(text.AsSpan().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
        {
            return true;
        }
        value = 0;
        return false;
    }

    /// <summary>The message for a value that is not a finite number, with the text cut to 40 characters.</summary>
    public static string NotANumber(string text) => $"'{(text.Length > 40 ? text[..40] + "…" : text)}' is not a finite number.";
}
