using System.Text.Json;
using Jsms.Platform.Access;
using Jsms.Platform.Audit;
using Jsms.Platform.Database;
using Jsms.Platform.Identity;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Audit;

internal static class AuditModule
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddSingleton<AuditWriteLock>();
        // Every page's shown records are audited by one filter (the API's by AuditedReadsEndpointFilter on MapApiGroup).
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add<AuditedReadsPageFilter>());
        return services;
    }

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/audit", "Audit").RequireAuthorization(p => p.RequireRole(JsmsRoles.Administrator));
        group.MapGet("", Search);
        group.MapGet("/verify", Verify);
        group.MapGet("/export", Export);
        group.MapGet("/export.csv", ExportCsv);
        return app;
    }

    /// <summary>Audit entries, newest first, by user name, record, action and time; page with <c>before</c>.</summary>
    public static async Task<Ok<List<AuditEntryDto>>> Search([AsParameters] AuditQuery query, JsmsDbContext db)
        => TypedResults.Ok(await SearchAsync(db, query));

    public static async Task<Ok<AuditVerification>> Verify(JsmsDbContext db)
        => TypedResults.Ok(await VerifyAndRecordAsync(db));

    /// <summary>Verifies the whole chain and records that it was verified (API and Audit page).</summary>
    internal static async Task<AuditVerification> VerifyAndRecordAsync(JsmsDbContext db)
    {
        var outcome = await AuditTrail.VerifyAsync(db);
        db.Audit("audit.verify", detail: outcome.Intact ? $"intact, {outcome.EntriesChecked} entries" : $"broken at {outcome.FirstBrokenSequence}");
        await db.SaveChangesAsync();
        return outcome;
    }

    /// <summary>
    /// The whole chain as JSON lines (one entry per line, oldest first, with the fields the hash covers),
    /// for offline verification (docs/audit-log.md). The export itself is audited first, so it is part of what it exports.
    /// </summary>
    public static async Task<PushStreamHttpResult> Export(JsmsDbContext db, HttpContext http)
    {
        db.Audit("export", "AuditEntry", detail: "audit log export (JSON lines)");
        await db.SaveChangesAsync();
        var last = await db.Set<AuditEntry>().MaxAsync(e => e.Sequence);
        return TypedResults.Stream(async stream => await WriteExportAsync(db, stream, last, http.RequestAborted),
            "application/x-ndjson", $"jsms-audit-{last}.jsonl");
    }

    /// <summary>The entries a search finds (the same filters as <see cref="Search"/>, no limit) as CSV with readable record names; audited first.</summary>
    public static async Task<PushStreamHttpResult> ExportCsv([AsParameters] AuditQuery query, Caller caller, JsmsDbContext db, HttpContext http)
    {
        db.Audit("export", "AuditEntry", detail: AuditCsv.Describe(query));
        await db.SaveChangesAsync();
        var last = await db.Set<AuditEntry>().MaxAsync(e => e.Sequence);
        // Up to and including the export's own entry, so a repeated export of the same filters gives the same lines.
        var bounded = query with { Before = query.Before is { } b ? Math.Min(b, last + 1) : last + 1 };
        return TypedResults.Stream(async stream => await AuditCsv.WriteAsync(db, caller, bounded, stream, http.RequestAborted),
            AuditCsv.ContentType, $"jsms-audit-{last}.csv");
    }

    /// <summary>Writes entries 1..<paramref name="lastSequence"/> as JSON lines in batches.</summary>
    internal static async Task WriteExportAsync(JsmsDbContext db, Stream stream, long lastSequence, CancellationToken cancellationToken)
    {
        const int batchSize = 2000;
        long after = 0;
        while (after < lastSequence)
        {
            var from = after;
            var batch = await db.Set<AuditEntry>().AsNoTracking()
                .Where(e => e.Sequence > from && e.Sequence <= lastSequence)
                .OrderBy(e => e.Sequence).Take(batchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }
            foreach (var e in batch)
            {
                var line = new AuditExportLine(e.Sequence, AuditTrail.FormatTimestamp(e.Timestamp), e.UserId, e.UserName, e.AgencyId, e.Action,
                    e.RecordType, e.RecordId, e.Detail, e.RemoteAddress, e.PreviousHash, e.Hash);
                await JsonSerializer.SerializeAsync(stream, line, ExportJson, cancellationToken);
                await stream.WriteAsync(Newline, cancellationToken);
            }
            after = batch[^1].Sequence;
            await stream.FlushAsync(cancellationToken);
        }
    }

    private static readonly byte[] Newline = [(byte)'\n'];

    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web);

    /// <summary>The actions and record types the log holds, for the page's filter choices.</summary>
    internal static async Task<(List<string> Actions, List<string> RecordTypes)> FilterChoicesAsync(JsmsDbContext db)
    {
        var entries = db.Set<AuditEntry>().AsNoTracking();
        var actions = await entries.Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync();
        var types = await entries.Where(e => e.RecordType != null).Select(e => e.RecordType!).Distinct().OrderBy(t => t).ToListAsync();
        return (actions, types);
    }

    internal static Task<List<AuditEntryDto>> SearchAsync(JsmsDbContext db, AuditQuery query)
    {
        var entries = db.Set<AuditEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.User))
        {
            var user = query.User.Trim();
            entries = entries.Where(e => e.UserName == user);
        }
        if (query.RecordId is { } recordId)
        {
            entries = entries.Where(e => e.RecordId == recordId);
        }
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            var action = query.Action.Trim();
            entries = entries.Where(e => e.Action == action);
        }
        if (!string.IsNullOrWhiteSpace(query.RecordType))
        {
            var recordType = query.RecordType.Trim();
            entries = entries.Where(e => e.RecordType == recordType);
        }
        if (query.From is { } from)
        {
            var fromUtc = from.ToUniversalTime();
            entries = entries.Where(e => e.Timestamp >= fromUtc);
        }
        if (query.To is { } to)
        {
            var toUtc = to.ToUniversalTime();
            entries = entries.Where(e => e.Timestamp < toUtc);
        }
        if (query.Before is { } before)
        {
            entries = entries.Where(e => e.Sequence < before);
        }
        var limit = Math.Clamp(query.Limit ?? 100, 1, 1000);
        return entries.OrderByDescending(e => e.Sequence).Take(limit)
            .Select(e => new AuditEntryDto(e.Sequence, e.Timestamp, e.UserId, e.UserName, e.AgencyId, e.Action, e.RecordType, e.RecordId, e.Detail, e.RemoteAddress, e.Hash))
            .ToListAsync();
    }
}
