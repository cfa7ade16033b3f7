namespace Jsms.Features.Incidents;

/// <summary>
/// A data set's CSV layout: the columns it must have (found by header name, in any order; others are ignored) and how one
/// row becomes an incident. <see cref="Map"/> notes every problem of the row on it and returns null when there is one.
/// </summary>
internal abstract class IncidentFileFormat
{
    public abstract SourceFormat Format { get; }

    /// <summary>The data set's name as sources and messages show it.</summary>
    public abstract string Name { get; }

    /// <summary>Columns without which no row can be read.</summary>
    public abstract IReadOnlyList<string> RequiredColumns { get; }

    /// <summary>Every column this format reads (the preview's mapping shows which of the file's columns are used).</summary>
    public abstract IReadOnlyDictionary<string, string> Mapping { get; }

    public abstract ImportedEvent? Map(ImportRow row, DateOnly today);

    public static IncidentFileFormat? For(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "gtd" => GtdFormat.Instance,
        "acled" => AcledFormat.Instance,
        "ucdp" or "ged" or "ucdp-ged" => UcdpFormat.Instance,
        _ => null,
    };

    public static IncidentFileFormat For(SourceFormat format) => format switch
    {
        SourceFormat.Gtd => GtdFormat.Instance,
        SourceFormat.Acled => AcledFormat.Instance,
        SourceFormat.Ucdp => UcdpFormat.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    protected static string Clip(string? text, int max) => text is null ? "" : text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>The country's ISO code from the named column; an unknown name is an error of that column.</summary>
    protected static string? Country(ImportRow row, string column)
    {
        var name = row.Required(column);
        if (name is null)
        {
            return null;
        }
        var code = CountryNames.Code(name);
        if (code is null)
        {
            row.Fail(column, $"'{name}' is not a country name this import knows");
        }
        return code;
    }

    /// <summary>Latitude and longitude read together: one without the other is an error.</summary>
    protected static (double? Lat, double? Lon) Point(ImportRow row)
    {
        var lat = row.Double("latitude", -90, 90);
        var lon = row.Double("longitude", -180, 180);
        if ((lat is null) != (lon is null) && row.ErrorCount == 0)
        {
            row.Fail(lat is null ? "latitude" : "longitude", "give both latitude and longitude, or neither");
        }
        return lat is null || lon is null ? (null, null) : (lat, lon);
    }

    protected static DateOnly? NotFuture(ImportRow row, string column, DateOnly? date, DateOnly today)
    {
        if (date > today)
        {
            row.Fail(column, $"{date:yyyy-MM-dd} lies in the future");
            return null;
        }
        return date;
    }
}
