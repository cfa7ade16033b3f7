using System.Security.Cryptography;
using System.Text;

namespace Jsms.Features.Screening.Lists;

/// <summary>
/// Reads an agency's own list (a proscribed-persons schedule) from a CSV with a header row and a
/// <see cref="ColumnMapping"/>. Every row is checked before anything is stored: a row without a name, with a date, country
/// or type that cannot be read, or with an id already used is a problem named by its line, and one problem refuses the file.
/// Without an id column an entry's id is derived from its name and birth dates, so an unchanged row keeps its id from one
/// version to the next (the diff then shows it unchanged).
/// </summary>
internal static class NationalListReader
{
    public const int MaxRows = 100_000;
    public const int MaxProblems = 50;

    internal sealed record Table(IReadOnlyList<string> Headers, IReadOnlyList<(int Line, List<string> Cells)> Rows)
    {
        /// <summary>Read from an .xlsx (<see cref="XlsxReader"/>): a whole number in the birth date column is then a serial date.</summary>
        public bool Spreadsheet { get; init; }
    }

    /// <summary>Reads a CSV, or an .xlsx workbook's first sheet (recognised by its zip signature, whatever the file's name).</summary>
    public static Table ReadAnyTable(byte[] bytes)
        => XlsxReader.LooksLikeZip(bytes) ? XlsxReader.ReadTable(new MemoryStream(bytes)) : ReadTable(new MemoryStream(bytes));

    /// <summary>Reads the header and the rows; a file that is not CSV raises <see cref="ListFormatException"/> naming the line.</summary>
    public static Table ReadTable(Stream csv)
    {
        using var reader = new StreamReader(csv, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var line = 1;
        List<string>? header;
        try
        {
            header = Csv.ReadRecord(reader, out var consumed);
            line += Math.Max(1, consumed);
        }
        catch (FormatException e)
        {
            throw new ListFormatException($"line 1: {e.Message}.");
        }
        if (header is null || header.All(h => h.Trim().Length == 0))
        {
            throw new ListFormatException("The file is empty: the first line must be a header naming the columns.");
        }
        var headers = header.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        var duplicate = headers.Where(h => h.Length > 0).GroupBy(h => h, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ListFormatException($"line 1: the column '{duplicate.Key}' appears twice in the header.");
        }
        var rows = new List<(int, List<string>)>();
        try
        {
            while (true)
            {
                var start = line;
                var fields = Csv.ReadRecord(reader, out var consumed);
                if (fields is null)
                {
                    break;
                }
                line += Math.Max(1, consumed);
                rows.Add((start, fields));
                if (rows.Count > MaxRows)
                {
                    throw new ListFormatException($"The list has more than {MaxRows:N0} rows.");
                }
            }
        }
        catch (FormatException e)
        {
            throw new ListFormatException($"line {line}: {e.Message}.");
        }
        if (rows.Count == 0)
        {
            throw new ListFormatException("The file has a header but no rows.");
        }
        return new Table(headers, rows);
    }

    /// <summary>Problems of the mapping itself, keyed by field: no name column, or a column the header does not have.</summary>
    public static Dictionary<string, string[]> CheckMapping(ColumnMapping mapping, IReadOnlyList<string> headers)
    {
        var errors = new Dictionary<string, string[]>();
        if (mapping.Name is null)
        {
            errors["name"] = ["Choose the column that holds the name."];
        }
        foreach (var (field, column) in mapping.Columns())
        {
            if (column is not null && !headers.Contains(column, StringComparer.OrdinalIgnoreCase))
            {
                errors[field] = [$"The file has no column '{column}' (its columns: {string.Join(", ", headers)})."];
            }
        }
        return errors;
    }

    /// <summary>
    /// Reads every row with the mapping: the entries, the preview rows and the problems (each naming its line).
    /// <paramref name="idPrefix"/> goes before every id (<see cref="NationalList.IdPrefix"/>), so two lists' ids never meet.
    /// </summary>
    public static (List<ListedEntry> Entries, List<NationalPreviewRow> Rows, List<string> Problems) Read(Table table, ColumnMapping mapping, string listName,
        string idPrefix = "")
    {
        int Column(string? name) => name is null ? -1 : table.Headers.ToList().FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        int name = Column(mapping.Name), aliases = Column(mapping.Aliases), birth = Column(mapping.BirthDate), nationality = Column(mapping.Nationality),
            identifiers = Column(mapping.Identifiers), reason = Column(mapping.Reason), id = Column(mapping.Id), type = Column(mapping.Type);
        var entries = new List<ListedEntry>(table.Rows.Count);
        var rows = new List<NationalPreviewRow>(table.Rows.Count);
        var problems = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, cells) in table.Rows)
        {
            string? Cell(int i) => i >= 0 && i < cells.Count && cells[i].Trim().Length > 0 ? cells[i].Trim() : null;
            List<string> Many(int i) => Cell(i)?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() ?? [];
            var rowProblems = new List<string>();
            var primary = Cell(name);
            if (primary is null)
            {
                rowProblems.Add($"line {line}: the name (column '{mapping.Name}') is empty.");
            }
            else if (primary.Length > 300)
            {
                rowProblems.Add($"line {line}: the name has more than 300 characters.");
            }
            var kind = EntryKind.Person;
            if (Cell(type) is { } typeText)
            {
                if (Screener.ParseType(typeText) is { } parsed)
                {
                    kind = parsed;
                }
                else
                {
                    rowProblems.Add($"line {line}: the type '{typeText}' is not person, entity, vessel or aircraft.");
                }
            }
            var births = new List<BirthDate>();
            foreach (var cell in Many(birth))
            {
                var text = table.Spreadsheet ? SerialDate(cell) ?? cell : cell;
                if (BirthDate.ParseQuery(text) is { } date)
                {
                    births.Add(date);
                }
                else
                {
                    rowProblems.Add($"line {line}: the birth date '{text}' is not a date (write yyyy, yyyy-mm or yyyy-mm-dd).");
                }
            }
            var countries = new List<string>();
            foreach (var text in Many(nationality))
            {
                if (Countries.ToIso2(text) is { } code)
                {
                    countries.Add(code);
                }
                else
                {
                    rowProblems.Add($"line {line}: the nationality '{text}' is not a country (write an ISO code or an English name).");
                }
            }
            var sourceId = idPrefix + (Cell(id) ?? DerivedId(primary ?? "", births));
            if (Cell(id) is { } given && given.Contains(':', StringComparison.Ordinal))
            {
                rowProblems.Add($"line {line}: the id '{given}' has a ':' (it separates a list's code from the id; write the id without it).");
            }
            else if (sourceId.Length > 32)
            {
                rowProblems.Add($"line {line}: the id '{sourceId[..32]}…' has more than {32 - idPrefix.Length} characters.");
            }
            else if (!seen.TryAdd(sourceId, line))
            {
                rowProblems.Add(Cell(id) is null
                    ? $"line {line}: the same name and birth date as line {seen[sourceId]} (give an id column to list both)."
                    : $"line {line}: the id '{sourceId}' is already used on line {seen[sourceId]}.");
            }
            var aliasList = Many(aliases).Where(a => !string.Equals(a, primary, StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var identifierList = Many(identifiers);
            var why = Cell(reason);
            rows.Add(new NationalPreviewRow(line, cells, sourceId, primary, kind.ToString(), aliasList, [.. births.Select(b => b.ToString())],
                countries, identifierList, why));
            if (rowProblems.Count > 0)
            {
                problems.AddRange(rowProblems);
                if (problems.Count >= MaxProblems)
                {
                    problems.Add($"(stopped after {MaxProblems} problems)");
                    break;
                }
                continue;
            }
            var names = new List<ListedName> { new(primary!, NameKind.Primary) };
            names.AddRange(aliasList.Select(a => new ListedName(a, NameKind.Alias)));
            entries.Add(new ListedEntry(sourceId, Cell(id), kind, primary!, names, births, countries, [], listName, null,
                why is null ? null : why.Length > 2000 ? why[..2000] : why)
            {
                Identifiers = identifierList.Count == 0 ? null : identifierList,
            });
        }
        return (entries, rows, problems);
    }

    /// <summary>
    /// A spreadsheet's serial date (days since 1899-12-30, the 1900 date system) as yyyy-mm-dd; null for anything else. A
    /// whole number below 3000 is a year, not a serial (serial 3000 is 1908-03-18, before any living person's birth).
    /// </summary>
    internal static string? SerialDate(string cell)
        => long.TryParse(cell, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days) && days is >= 3000 and <= 2_958_465
            ? new DateOnly(1899, 12, 30).AddDays((int)days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : null;

    /// <summary>"N-" and 16 hex digits of SHA-256 over the folded name and birth dates.</summary>
    private static string DerivedId(string name, List<BirthDate> births)
    {
        var key = Matching.NameText.Fold(name) + "|" + string.Join(";", births.Select(b => b.ToString()));
        return "N-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
    }
}
