using System.Text;

namespace Jsms.Platform.Web;

/// <summary>
/// What a page shows for a code value (an enum member, or its name as the API spells it): words in sentence case,
/// "FalsePositive" and "falsePositive" as "False positive", "UnderWay" as "Under way"; acronyms ("UN", "OFAC") kept.
/// </summary>
internal static class Label
{
    public static string Of(object? value)
    {
        var text = value?.ToString() ?? "";
        if (text.Length == 0 || text.Any(c => c is ' ' or '-' or '_' or '.'))
        {
            return text;
        }
        if (text.All(c => !char.IsLetter(c) || char.IsUpper(c)))
        {
            return text; // an acronym
        }
        var words = new StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (i == 0)
            {
                words.Append(char.ToUpperInvariant(c));
                continue;
            }
            if (char.IsUpper(c) && !char.IsUpper(text[i - 1]))
            {
                words.Append(' ');
            }
            words.Append(char.IsUpper(c) && (i + 1 >= text.Length || !char.IsUpper(text[i + 1])) && !char.IsUpper(text[i - 1]) ? char.ToLowerInvariant(c) : c);
        }
        return words.ToString();
    }
}
