using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Jsms.Features.Screening.Lists;

/// <summary>
/// Reads OFAC's SDN list in its legacy CSV form: sdn (entries), alt (aliases) and add (addresses), no
/// header row, "-0- " for an empty field, a DOS end-of-file mark at the end. Birth dates and
/// nationalities are parsed from the remarks ("DOB 10 Dec 1948; alt. DOB 1950; nationality Syria;
/// citizen Mexico"), including "circa" and "1958 to 1960" ranges.
/// </summary>
internal static partial class OfacListReader
{
    public static List<ListedEntry> Read(Stream sdn, Stream alt, Stream add)
    {
        var rows = new List<(string Id, string Name, string Type, string Program, string Remarks)>();
        ForEachRecord(sdn, "sdn", 12, (fields, line) =>
        {
            var id = Field(fields[0]);
            if (id is null || !int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                throw new ListFormatException($"sdn line {line}: the entry number '{fields[0].Trim()}' is not a number.");
            }
            var name = Field(fields[1]) ?? throw new ListFormatException($"sdn line {line}: entry {id} has no name.");
            rows.Add((id, name, Field(fields[2]) ?? "", Field(fields[3]) ?? "", Field(fields[11]) ?? ""));
        });
        if (rows.Count == 0)
        {
            throw new ListFormatException("The sdn file has no entries.");
        }
        var duplicate = rows.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ListFormatException($"sdn: entry number {duplicate.Key} appears more than once.");
        }
        var aliases = new Dictionary<string, List<ListedName>>(StringComparer.Ordinal);
        ForEachRecord(alt, "alt", 4, (fields, line) =>
        {
            if (Field(fields[0]) is { } id && Field(fields[3]) is { } name)
            {
                var weak = Field(fields.Count > 4 ? fields[4] : null)?.Contains("weak", StringComparison.OrdinalIgnoreCase) == true;
                (aliases.TryGetValue(id, out var list) ? list : aliases[id] = []).Add(new ListedName(Reorder(name), weak ? NameKind.WeakAlias : NameKind.Alias));
            }
        });
        var addresses = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        ForEachRecord(add, "add", 5, (fields, line) =>
        {
            if (Field(fields[0]) is { } id)
            {
                var text = string.Join(", ", new[] { fields[2], fields[3], fields[4] }.Select(Field).Where(f => f is not null));
                if (text.Length > 0)
                {
                    (addresses.TryGetValue(id, out var list) ? list : addresses[id] = []).Add(text);
                }
            }
        });
        var entries = new List<ListedEntry>(rows.Count);
        foreach (var (id, name, type, program, remarks) in rows)
        {
            var kind = type.ToLowerInvariant() switch
            {
                "individual" => EntryKind.Person,
                "vessel" => EntryKind.Vessel,
                "aircraft" => EntryKind.Aircraft,
                _ => EntryKind.Entity,
            };
            var primary = kind == EntryKind.Person ? Reorder(name) : name;
            var names = new List<ListedName> { new(primary, NameKind.Primary) };
            foreach (var alias in aliases.GetValueOrDefault(id) ?? [])
            {
                if (!names.Any(n => string.Equals(n.Name, alias.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    names.Add(alias);
                }
            }
            var births = DobPattern().Matches(remarks).Select(m => ParseDob(m.Groups[1].Value)).OfType<BirthDate>().Distinct().ToList();
            var nationalities = NationalityPattern().Matches(remarks).Select(m => m.Groups[2].Value.Trim())
                .Select(n => Countries.ToIso2(n) ?? n).Distinct().ToList();
            entries.Add(new ListedEntry(id, null, kind, primary, names, births, nationalities, addresses.GetValueOrDefault(id) ?? [],
                program, null, remarks.Length == 0 ? null : remarks.Length > 2000 ? remarks[..2000] : remarks));
        }
        return entries;
    }

    /// <summary>"AL ZAWAHIRI, Dr. Ayman" -> "Dr. Ayman AL ZAWAHIRI": the order people write, for display.</summary>
    private static string Reorder(string name)
    {
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        if (comma <= 0 || name.IndexOf(',', comma + 1) >= 0)
        {
            return name;
        }
        var last = name[..comma].Trim();
        var first = name[(comma + 1)..].Trim();
        return first.Length == 0 ? last : first + " " + last;
    }

    private static BirthDate? ParseDob(string text)
    {
        text = text.Trim();
        var approximate = text.StartsWith("circa ", StringComparison.OrdinalIgnoreCase);
        if (approximate)
        {
            text = text[6..].Trim();
        }
        var range = text.Split(" to ", StringSplitOptions.TrimEntries);
        if (range.Length == 2)
        {
            var from = ParseOne(range[0], false);
            var to = ParseOne(range[1], false);
            return from?.Year is { } fy && to?.Year is { } ty ? new BirthDate(null, null, null, Math.Min(fy, ty), Math.Max(fy, ty), true) : null;
        }
        return ParseOne(text, approximate);
    }

    private static BirthDate? ParseOne(string text, bool approximate)
    {
        string[] formats = ["dd MMM yyyy", "d MMM yyyy", "MMM yyyy", "yyyy"];
        foreach (var format in formats)
        {
            if (DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return format switch
                {
                    "yyyy" => new BirthDate(d.Year, null, null, null, null, approximate),
                    "MMM yyyy" => new BirthDate(d.Year, d.Month, null, null, null, approximate),
                    _ => new BirthDate(d.Year, d.Month, d.Day, null, null, approximate),
                };
            }
        }
        return null;
    }

    private static void ForEachRecord(Stream stream, string file, int minimumFields, Action<List<string>, int> handle)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var line = 1;
        while (true)
        {
            List<string>? fields;
            int consumed;
            try
            {
                fields = Csv.ReadRecord(reader, out consumed);
            }
            catch (FormatException e)
            {
                throw new ListFormatException($"{file} line {line}: {e.Message}.");
            }
            if (fields is null)
            {
                return;
            }
            if (fields.Count < minimumFields)
            {
                throw new ListFormatException($"{file} line {line}: {fields.Count} field(s), expected at least {minimumFields}. Is this the {file} file of the SDN list?");
            }
            handle(fields, line);
            line += Math.Max(1, consumed);
        }
    }

    /// <summary>The field's value with OFAC's empty marker ("-0-") and padding removed.</summary>
    private static string? Field(string? raw)
    {
        var value = raw?.Trim();
        return string.IsNullOrEmpty(value) || value == "-0-" ? null : value;
    }

    [GeneratedRegex(@"(?:^|;\s*)(?:alt\.\s*)?DOB\s+([^;]+?)\s*(?=;|\.$|$)", RegexOptions.IgnoreCase)]
    private static partial Regex DobPattern();

    [GeneratedRegex(@"(?:^|;\s*)(?:alt\.\s*)?(nationality|citizen)\s+([^;]+?)\s*(?=;|\.$|$)", RegexOptions.IgnoreCase)]
    private static partial Regex NationalityPattern();
}
