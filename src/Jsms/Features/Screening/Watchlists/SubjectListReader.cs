using System.Text;
using Jsms.Features.Screening.Lists;

namespace Jsms.Features.Screening.Watchlists;

/// <summary>
/// Reads an uploaded customer or counterparty list (a financial intelligence unit's, or staff and contractors): a CSV
/// with header name[,aliases,birthDate,nationality,type,category,identifiers,role]; several aliases or identifiers in one
/// cell are separated by ";". Every row is checked first: one problem refuses the file, each problem names its line.
/// </summary>
internal static class SubjectListReader
{
    public const int MaxRows = 200_000;

    public static (List<(int Line, SubjectRequest Request)> Rows, List<string> Problems) Read(Stream csv, SubjectCategory defaultCategory)
    {
        var problems = new List<string>();
        var rows = new List<(int, SubjectRequest)>();
        using var reader = new StreamReader(csv, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var line = 1;
        List<string>? header;
        try
        {
            header = Csv.ReadRecord(reader, out var consumed);
            line += Math.Max(1, consumed);
        }
        catch (FormatException e)
        {
            return (rows, [$"line 1: {e.Message}."]);
        }
        var columns = header?.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList() ?? [];
        var name = columns.IndexOf("name");
        if (name < 0)
        {
            return (rows, ["The first line must be a header with a 'name' column (and optionally aliases, birthDate, nationality, type, category, identifiers, role)."]);
        }
        int aliases = columns.IndexOf("aliases"), birth = columns.IndexOf("birthdate"), nationality = columns.IndexOf("nationality"),
            type = columns.IndexOf("type"), category = columns.IndexOf("category"), identifiers = columns.IndexOf("identifiers"), role = columns.IndexOf("role");
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
                string? Get(int i) => i >= 0 && i < fields.Count && fields[i].Trim().Length > 0 ? fields[i].Trim() : null;
                string[]? Many(int i) => Get(i)?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var request = new SubjectRequest(Get(name), Get(category) ?? defaultCategory.ToString(), Get(type), Many(aliases), Get(birth),
                    Get(nationality), Many(identifiers), Get(role));
                var errors = WatchlistsService.Check(request, out _, out _);
                if (errors.Count > 0)
                {
                    problems.AddRange(errors.Select(e => $"line {start}: {string.Join(" ", e.Value)}"));
                    if (problems.Count >= 50)
                    {
                        problems.Add("(stopped after 50 problems)");
                        break;
                    }
                    continue;
                }
                rows.Add((start, request));
                if (rows.Count > MaxRows)
                {
                    return (rows, [$"At most {MaxRows:N0} subjects per upload."]);
                }
            }
        }
        catch (FormatException e)
        {
            problems.Add($"line {line}: {e.Message}.");
        }
        if (problems.Count == 0 && rows.Count == 0)
        {
            problems.Add("The file has a header but no subjects.");
        }
        return (rows, problems);
    }
}
