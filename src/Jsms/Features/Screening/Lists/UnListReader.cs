using System.Xml;
using System.Xml.Linq;

namespace Jsms.Features.Screening.Lists;

/// <summary>
/// Reads the UN Security Council consolidated list (XML). DTDs are refused and no external resource is
/// ever resolved, so a DOCTYPE or an external entity makes the file invalid rather than dangerous.
/// Quirks handled: stray spaces in every field, several aliases in one ALIAS_NAME (";"), empty alias
/// elements, QUALITY Low aliases kept as weak aliases, EXACT / APPROXIMATELY / BETWEEN birth dates.
/// </summary>
internal static class UnListReader
{
    private static readonly string[] NameParts = ["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"];
    private static readonly string[] AddressParts = ["STREET", "CITY", "STATE_PROVINCE", "COUNTRY"];

    internal sealed record Result(DateTime? Generated, List<ListedEntry> Entries);

    public static Result Read(Stream xml)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            MaxCharactersInDocument = 200_000_000,
        };
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(xml, settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            var dtd = e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase) ? " (a DOCTYPE or entity declaration is not allowed)" : "";
            throw new ListFormatException($"The UN list is not well-formed XML at line {e.LineNumber}, position {e.LinePosition}: {e.Message}{dtd}");
        }
        var root = document.Root;
        if (root is null || root.Name.LocalName != "CONSOLIDATED_LIST")
        {
            throw new ListFormatException($"The root element is <{root?.Name.LocalName}>, not <CONSOLIDATED_LIST>: this is not the UN consolidated list.");
        }
        DateTime? generated = DateTime.TryParse((string?)root.Attribute("dateGenerated"), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var g) ? g : null;
        var entries = new List<ListedEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in root.Elements("INDIVIDUALS").Elements("INDIVIDUAL"))
        {
            entries.Add(Read(element, EntryKind.Person, seen));
        }
        foreach (var element in root.Elements("ENTITIES").Elements("ENTITY"))
        {
            entries.Add(Read(element, EntryKind.Entity, seen));
        }
        if (entries.Count == 0)
        {
            throw new ListFormatException("The UN list has no INDIVIDUAL or ENTITY elements.");
        }
        return new Result(generated, entries);
    }

    private static ListedEntry Read(XElement e, EntryKind kind, HashSet<string> seen)
    {
        var line = ((IXmlLineInfo)e).LineNumber;
        var what = kind == EntryKind.Person ? "INDIVIDUAL" : "ENTITY";
        var dataId = Text(e, "DATAID");
        if (dataId is null)
        {
            throw new ListFormatException($"The {what} element at line {line} has no DATAID.");
        }
        if (!seen.Add(dataId))
        {
            throw new ListFormatException($"DATAID {dataId} appears twice (second at line {line}).");
        }
        var parts = NameParts.Select(n => Text(e, n)).Where(p => p is not null);
        var primary = string.Join(' ', parts);
        if (primary.Length == 0)
        {
            throw new ListFormatException($"The {what} with DATAID {dataId} (line {line}) has no FIRST_NAME.");
        }
        var names = new List<ListedName> { new(primary, NameKind.Primary) };
        if (Text(e, "NAME_ORIGINAL_SCRIPT") is { } original)
        {
            names.Add(new ListedName(original, NameKind.OriginalScript));
        }
        foreach (var alias in e.Elements(kind == EntryKind.Person ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS"))
        {
            var weak = string.Equals(Text(alias, "QUALITY"), "Low", StringComparison.OrdinalIgnoreCase);
            foreach (var name in (Text(alias, "ALIAS_NAME") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!names.Any(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase)))
                {
                    names.Add(new ListedName(name, weak ? NameKind.WeakAlias : NameKind.Alias));
                }
            }
        }
        var births = new List<BirthDate>();
        foreach (var dob in e.Elements("INDIVIDUAL_DATE_OF_BIRTH"))
        {
            var type = Text(dob, "TYPE_OF_DATE")?.ToUpperInvariant();
            var approximate = type == "APPROXIMATELY";
            if (Text(dob, "DATE") is { } dateText && DateOnly.TryParse(dateText, System.Globalization.CultureInfo.InvariantCulture, out var date))
            {
                births.Add(new BirthDate(date.Year, date.Month, date.Day, null, null, approximate));
            }
            else if (int.TryParse(Text(dob, "YEAR"), out var year))
            {
                births.Add(new BirthDate(year, null, null, null, null, approximate));
            }
            else if (int.TryParse(Text(dob, "FROM_YEAR"), out var from) && int.TryParse(Text(dob, "TO_YEAR"), out var to))
            {
                births.Add(new BirthDate(null, null, null, Math.Min(from, to), Math.Max(from, to), true));
            }
        }
        var nationalities = e.Elements("NATIONALITY").Elements("VALUE").Select(v => v.Value.Trim()).Where(v => v.Length > 0)
            .Select(v => Countries.ToIso2(v) ?? v).Distinct().ToList();
        var addresses = e.Elements(kind == EntryKind.Person ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS")
            .Select(a => string.Join(", ", AddressParts.Select(n => Text(a, n)).Where(p => p is not null)))
            .Where(a => a.Length > 0).Distinct().ToList();
        return new ListedEntry(dataId, Text(e, "REFERENCE_NUMBER"), kind, primary, names, births, nationalities, addresses,
            Text(e, "UN_LIST_TYPE"), Text(e, "LISTED_ON"), Truncate(Text(e, "COMMENTS1"), 2000));
    }

    /// <summary>The trimmed text of a child element, null when absent or blank (the list pads values with spaces).</summary>
    private static string? Text(XElement parent, string name)
    {
        var value = parent.Element(name)?.Value;
        if (value is null)
        {
            return null;
        }
        value = string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return value.Length == 0 ? null : value;
    }

    private static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
