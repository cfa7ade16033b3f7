namespace Jsms.Platform.Web;

/// <summary>The checks of text fields every feature's create and update requests share, collected into one errors dictionary.</summary>
internal static class Validate
{
    /// <summary>The trimmed text, or null when blank; "Required." when blank and required, or too long.</summary>
    public static string? Text(Dictionary<string, string[]> errors, string key, string? value, int max, bool required)
    {
        var trimmed = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (trimmed is null && required)
        {
            errors[key] = ["Required."];
        }
        else if (trimmed is not null && trimmed.Length > max)
        {
            errors[key] = [$"At most {max} characters."];
        }
        return trimmed;
    }

    /// <summary>The field must hold text of at most <paramref name="max"/> characters.</summary>
    public static void RequireText(Dictionary<string, string[]> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [$"The {field} is required."];
        }
        else
        {
            CheckLength(errors, field, value, max);
        }
    }

    /// <summary>The field, when given, holds at most <paramref name="max"/> characters.</summary>
    public static void CheckLength(Dictionary<string, string[]> errors, string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max)
        {
            errors[field] = [$"The {field} is longer than {max} characters."];
        }
    }

    /// <summary>Adds the errors of another check (e.g. a marking's) to these.</summary>
    public static void Merge(Dictionary<string, string[]> into, Dictionary<string, string[]> from)
    {
        foreach (var (key, value) in from)
        {
            into[key] = value;
        }
    }
}
