using System.Globalization;
using System.Text;
using Jsms.Platform.Access;
using Jsms.Platform.Database;

namespace Jsms.Features.Audit;

/// <summary>
/// The entries a search finds, newest first, as CSV (the API's <c>/api/audit/export.csv</c> and the audit page's
/// export), with the record names the viewer may read (<see cref="AuditNames"/>). The caller audits the export
/// before writing it. Cells that a spreadsheet would run as a formula start with a quote.
/// </summary>
internal static class AuditCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private const int Batch = 1000;

    public static string Describe(AuditQuery query)
    {
        var parts = new List<string>();
        void Add(string name, object? value)
        {
            if (value is not null && value.ToString() is { Length: > 0 } text)
            {
                parts.Add($"{name}={text}");
            }
        }
        Add("user", query.User);
        Add("action", query.Action);
        Add("recordType", query.RecordType);
        Add("recordId", query.RecordId);
        Add("from", query.From?.ToString("o", CultureInfo.InvariantCulture));
        Add("to", query.To?.ToString("o", CultureInfo.InvariantCulture));
        return "audit log export (CSV)" + (parts.Count > 0 ? ": " + string.Join(", ", parts) : ", all entries");
    }

    public static async Task WriteAsync(JsmsDbContext db, Caller viewer, AuditQuery query, Stream stream, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        await writer.WriteAsync("sequence,timestamp_utc,user,agency,action,record_type,record_id,record_name,detail,remote_address\r\n");
        var before = query.Before;
        while (true)
        {
            var entries = await AuditModule.SearchAsync(db, query with { Before = before, Limit = Batch });
            if (entries.Count == 0)
            {
                break;
            }
            var names = await AuditNames.RecordsAsync(db, viewer, entries, cancellationToken);
            var agencies = await AuditNames.AgenciesAsync(db, entries, cancellationToken);
            foreach (var e in entries)
            {
                var name = e.RecordType is { } type && e.RecordId is { } id && names.TryGetValue((type, id), out var resolved)
                    ? resolved.Hidden ? "(not visible to you)" : resolved.Name
                    : null;
                var agency = e.AgencyId is { } agencyId && agencies.TryGetValue(agencyId, out var a) ? a.Code : null;
                await writer.WriteAsync(string.Join(",",
                    e.Sequence.ToString(CultureInfo.InvariantCulture),
                    e.Timestamp.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                    Cell(e.UserName), Cell(agency), Cell(e.Action), Cell(e.RecordType), Cell(e.RecordId?.ToString()), Cell(name),
                    Cell(e.Detail), Cell(e.RemoteAddress)) + "\r\n");
            }
            await writer.FlushAsync(cancellationToken);
            if (entries.Count < Batch)
            {
                break;
            }
            before = entries[^1].Sequence;
        }
    }

    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
