using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Jsms.Features.Screening.Lists;
using Jsms.Features.Screening.Matching;
using Jsms.Platform.Access;
using Jsms.Platform.Audit;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Screening;

/// <summary>Screens names against the current index and keeps each screening as a marked, audited record.</summary>
internal sealed class Screener(JsmsDbContext db, ScreeningIndexHolder holder, ReleaseMarkings markings, ScreeningWriter writer, TimeProvider clock)
{
    public const int MaxBatchRows = 10_000;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Validates a query; all problems at once, keyed by field.</summary>
    public static Dictionary<string, string[]> Validate(string? name, string? birthDate, string? nationality, string? type, string prefix = "")
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors[prefix + "name"] = ["A name is required."];
        }
        else if (name.Length > 300)
        {
            errors[prefix + "name"] = ["A name has at most 300 characters."];
        }
        if (!string.IsNullOrWhiteSpace(birthDate) && BirthDate.ParseQuery(birthDate) is null)
        {
            errors[prefix + "birthDate"] = [$"'{birthDate}' is not a date: write yyyy, yyyy-mm or yyyy-mm-dd."];
        }
        if (!string.IsNullOrWhiteSpace(nationality) && Countries.ToIso2(nationality) is null)
        {
            errors[prefix + "nationality"] = [$"'{nationality}' is not a country: write an ISO code (PK) or an English name."];
        }
        if (!string.IsNullOrWhiteSpace(type) && ParseType(type) is null)
        {
            errors[prefix + "type"] = [$"'{type}' is not a type: use person, entity, vessel or aircraft."];
        }
        return errors;
    }

    public static EntryKind? ParseType(string? type) => type?.Trim().ToLowerInvariant() switch
    {
        "person" or "individual" => EntryKind.Person,
        "entity" or "organisation" or "organization" or "company" => EntryKind.Entity,
        "vessel" => EntryKind.Vessel,
        "aircraft" => EntryKind.Aircraft,
        _ => null,
    };

    internal static ScreeningQuery ToQuery(ScreeningQueryDto dto)
        => new(dto.Name.Trim(), BirthDate.ParseQuery(dto.BirthDate), dto.Nationality?.Trim(), ParseType(dto.Type));

    public async Task<ScreeningResultDto> ScreenAsync(ScreeningQueryDto query, double threshold, int limit, ResolvedMarking marking, Caller caller, CancellationToken cancellationToken = default)
    {
        var index = await holder.GetAsync(db, cancellationToken);
        var matches = index.Search(ToQuery(query), threshold, limit);
        var record = NewRecord(ScreeningKind.Name, query.Name, JsonSerializer.Serialize(query, Json), JsonSerializer.Serialize(matches, Json),
            1, matches.Count > 0 ? 1 : 0, threshold, index);
        var detail = $"{caller.UserName} screened \"{Clip(query.Name, 200)}\"{(query.BirthDate is null ? "" : " born " + query.BirthDate)}: {matches.Count} match(es)"
            + (matches.Count > 0 ? $", best {matches[0].Source} {matches[0].SourceId} at {matches[0].Score:0.00}" : "");
        var description = await StoreAsync(record, detail, marking, caller, cancellationToken);
        return new ScreeningResultDto(record.Id, query, matches, threshold, record.CreatedAt, VersionList(record), description);
    }

    /// <summary>
    /// Stores the record and its audit entry and describes its marking. A record shared beyond its owner (release-to
    /// agencies, named recipients) is saved here, so its share entries name the caller; every other goes through the
    /// grouped <see cref="ScreeningWriter"/>. Either way it is committed before this returns.
    /// </summary>
    private async Task<MarkingDto> StoreAsync(ScreeningRecord record, string detail, ResolvedMarking marking, Caller caller, CancellationToken cancellationToken)
    {
        var (grants, recipients) = ReleaseMarkings.MarkNew(record, marking, caller);
        if (grants.Count == 0 && recipients.Count == 0)
        {
            var actor = db.Actor;
            var pending = new PendingScreening(record, new AuditActor(actor.UserId, actor.Name, actor.AgencyId, actor.RemoteAddress), detail);
            if (await writer.TryStoreAsync(pending, cancellationToken))
            {
                return new MarkingDto(record.Tlp.Label(), pending.OwnerCode ?? "?", [], []);
            }
        }
        db.Add(record);
        db.Set<ReleaseGrant>().AddRange(grants);
        db.Set<NamedRecipient>().AddRange(recipients);
        db.Audit("screen", nameof(ScreeningRecord), record.Id, detail);
        await db.SaveChangesAsync(cancellationToken);
        return await markings.DescribeAsync(record);
    }

    /// <summary>Reads a CSV with header name[,birthDate,nationality,type]; returns the rows or the problems (by line).</summary>
    public static (List<(int Line, ScreeningQueryDto Query)> Rows, Dictionary<string, string[]> Errors) ReadBatch(Stream csv)
    {
        var errors = new Dictionary<string, string[]>();
        var rows = new List<(int, ScreeningQueryDto)>();
        using var reader = new StreamReader(csv, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        List<string>? header;
        try
        {
            header = Csv.ReadRecord(reader);
        }
        catch (FormatException e)
        {
            errors["file"] = [$"line 1: {e.Message}."];
            return (rows, errors);
        }
        var columns = header?.Select(h => h.Trim().ToLowerInvariant()).ToList() ?? [];
        var nameColumn = columns.IndexOf("name");
        if (nameColumn < 0)
        {
            errors["file"] = ["The first line must be a header with a 'name' column (and optionally birthDate, nationality, type)."];
            return (rows, errors);
        }
        int dob = columns.IndexOf("birthdate"), nat = columns.IndexOf("nationality"), type = columns.IndexOf("type");
        var line = 1;
        var problems = new List<string>();
        try
        {
            while (Csv.ReadRecord(reader, out var consumed) is { } fields)
            {
                line += Math.Max(1, consumed);
                string? Get(int i) => i >= 0 && i < fields.Count && fields[i].Trim().Length > 0 ? fields[i].Trim() : null;
                var query = new ScreeningQueryDto(Get(nameColumn) ?? "", Get(dob), Get(nat), Get(type));
                var rowErrors = Validate(query.Name, query.BirthDate, query.Nationality, query.Type);
                if (rowErrors.Count > 0)
                {
                    problems.AddRange(rowErrors.Select(e => $"line {line}: {string.Join(" ", e.Value)}"));
                    if (problems.Count >= 20)
                    {
                        break;
                    }
                    continue;
                }
                rows.Add((line, query));
                if (rows.Count > MaxBatchRows)
                {
                    errors["file"] = [$"At most {MaxBatchRows:N0} names per batch."];
                    return (rows, errors);
                }
            }
        }
        catch (FormatException e)
        {
            problems.Add($"line {line + 1}: {e.Message}.");
        }
        if (problems.Count > 0)
        {
            errors["file"] = [.. problems];
        }
        else if (rows.Count == 0)
        {
            errors["file"] = ["The file has a header but no names."];
        }
        return (rows, errors);
    }

    public async Task<BatchResultDto> ScreenBatchAsync(string fileName, List<(int Line, ScreeningQueryDto Query)> rows, double threshold, ResolvedMarking marking, Caller caller, CancellationToken cancellationToken = default)
    {
        var index = await holder.GetAsync(db, cancellationToken);
        // A question asked on several rows (the same name, birth date, nationality and type) is searched once: the
        // index answers it the same way every time. The distinct questions are searched on all cores.
        var answers = rows.Select(r => r.Query).Distinct().AsParallel()
            .Select(q => (Query: q, Matches: index.Search(ToQuery(q), threshold, 5))).ToDictionary(a => a.Query, a => a.Matches);
        var results = rows.Select(r => new BatchRow(r.Line, r.Query, answers[r.Query])).ToList();
        var hits = results.Count(r => r.Matches.Count > 0);
        var record = NewRecord(ScreeningKind.Batch, fileName, JsonSerializer.Serialize(new { fileName, rows = rows.Count }, Json),
            JsonSerializer.Serialize(results, Json), rows.Count, hits, threshold, index);
        var description = await StoreAsync(record, $"{caller.UserName} screened a batch of {rows.Count} name(s) from \"{Clip(fileName, 200)}\": {hits} with matches",
            marking, caller, cancellationToken);
        return new BatchResultDto(record.Id, fileName, rows.Count, hits, threshold, record.CreatedAt, VersionList(record), description, results);
    }

    /// <summary>The batch result as CSV: one line per match (or one line saying "no match").</summary>
    public static string ToCsv(IEnumerable<BatchRow> rows)
    {
        var sb = new StringBuilder("line,name,birthDate,nationality,type,rank,score,list,entryId,reference,listedName,matchedName,explanation\r\n");
        foreach (var row in rows)
        {
            var q = row.Query;
            var prefix = $"{row.Line},{Csv.Escape(q.Name)},{Csv.Escape(q.BirthDate)},{Csv.Escape(q.Nationality)},{Csv.Escape(q.Type)}";
            if (row.Matches.Count == 0)
            {
                sb.Append(prefix).Append(",0,,,,,,,no match\r\n");
            }
            for (var i = 0; i < row.Matches.Count; i++)
            {
                var m = row.Matches[i];
                sb.Append(prefix).Append(',').Append(i + 1).Append(',').Append(m.Score.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture))
                    .Append(',').Append(m.Source).Append(',').Append(Csv.Escape(m.SourceId)).Append(',').Append(Csv.Escape(m.Reference))
                    .Append(',').Append(Csv.Escape(m.PrimaryName)).Append(',').Append(Csv.Escape(m.MatchedName))
                    .Append(',').Append(Csv.Escape(string.Join(" ", m.Explanation))).Append("\r\n");
            }
        }
        return sb.ToString();
    }

    private ScreeningRecord NewRecord(ScreeningKind kind, string subject, string queryJson, string resultJson, int screened, int hits,
        double threshold, ScreeningIndex index)
    {
        var record = new ScreeningRecord
        {
            Id = Guid.CreateVersion7(),
            Kind = kind,
            Subject = Clip(subject, 500),
            QueryJson = queryJson,
            ResultJson = resultJson,
            Screened = screened,
            Hits = hits,
            Threshold = threshold,
            ListVersions = string.Join(",", (index.CurrentVersions.Count > 0 ? index.CurrentVersions : [.. index.Versions.OrderBy(v => v.Key)]).Select(v => $"{v.Key}:{v.Value}")),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        return record;
    }

    internal static List<string> VersionList(ScreeningRecord record)
        => [.. record.ListVersions.Split(',', StringSplitOptions.RemoveEmptyEntries)];

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
