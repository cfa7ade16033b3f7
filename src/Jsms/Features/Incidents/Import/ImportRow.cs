using System.Globalization;

namespace Jsms.Features.Incidents;

/// <summary>
/// One record of an imported file, read by column name (the header), with typed readers that note what is wrong under the
/// column's name and the record's line, so a mapper reads every field it needs and reports every problem of the row at once.
/// </summary>
internal sealed class ImportRow(IReadOnlyDictionary<string, int> columns, List<ImportRowError> errors)
{
    private List<string> _fields = [];

    public int Line { get; private set; }

    public int ErrorCount { get; private set; }

    public void Load(List<string> fields, int line)
    {
        _fields = fields;
        Line = line;
        ErrorCount = 0;
    }

    public bool Has(string column) => columns.ContainsKey(column);

    /// <summary>The trimmed text of the column, or null when the column is missing or the cell empty.</summary>
    public string? Text(string column, int maxLength = int.MaxValue)
    {
        if (!columns.TryGetValue(column, out var index) || index >= _fields.Count)
        {
            return null;
        }
        var text = _fields[index].Trim();
        if (text.Length == 0)
        {
            return null;
        }
        if (text.Length > maxLength)
        {
            Fail(column, $"longer than {maxLength} characters");
            return text[..maxLength];
        }
        return text;
    }

    public string? Required(string column, int maxLength = int.MaxValue)
    {
        var text = Text(column, maxLength);
        if (text is null)
        {
            Fail(column, "required");
        }
        return text;
    }

    /// <summary>An integer, or null when empty; a value outside <paramref name="min"/>–<paramref name="max"/> is an error.</summary>
    public int? Int(string column, int min = int.MinValue, int max = int.MaxValue, bool required = false)
    {
        var text = required ? Required(column) : Text(column);
        if (text is null)
        {
            return null;
        }
        // Data sets written by statistics packages print whole numbers as "3.0".
        if (text.EndsWith(".0", StringComparison.Ordinal))
        {
            text = text[..^2];
        }
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Fail(column, $"'{Clip(text)}' is not a whole number");
            return null;
        }
        if (value < min || value > max)
        {
            Fail(column, $"{value} is outside {min}–{max}");
            return null;
        }
        return value;
    }

    public double? Double(string column, double min, double max)
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            Fail(column, $"'{Clip(text)}' is not a number");
            return null;
        }
        if (value < min || value > max)
        {
            Fail(column, $"{value.ToString(CultureInfo.InvariantCulture)} is outside {min.ToString(CultureInfo.InvariantCulture)}–{max.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }
        return value;
    }

    /// <summary>A date in one of the given formats (invariant culture).</summary>
    public DateOnly? Date(string column, string[] formats, bool required)
    {
        var text = required ? Required(column) : Text(column);
        if (text is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        // A date-time ("2023-01-15 00:00:00.000"), as spreadsheet exports write dates.
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return DateOnly.FromDateTime(time);
        }
        Fail(column, $"'{Clip(text)}' is not a date ({string.Join(" or ", formats)})");
        return null;
    }

    public void Fail(string column, string problem)
    {
        ErrorCount++;
        errors.Add(new ImportRowError(Line, column, problem));
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
