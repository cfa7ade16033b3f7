using System.Text.Json;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Alerts;

/// <summary>
/// The one way to raise an alert: every engine and monitor hands its draft, audience and inputs here. The alert gets the
/// audience's marking, and its inputs are recorded (<see cref="DerivedInput"/>) so that the access policy shows it in
/// full only to readers of every input and redacted to the others (docs/access-policy.md, "Derived records").
/// </summary>
internal static class AlertRaiser
{
    /// <summary>Adds the alert, its marking rows and its inputs to the unit of work (the caller saves, with whatever else belongs to the same transaction).</summary>
    public static Alert Raise(this JsmsDbContext db, AlertDraft draft, AlertAudience audience, IEnumerable<AlertInput> inputs)
    {
        var alert = new Alert
        {
            Id = Guid.NewGuid(),
            Kind = draft.Kind,
            Severity = draft.Severity,
            Title = Shorten(draft.Title, 300),
            Detail = draft.Detail is null ? null : Shorten(draft.Detail, 4000),
            SubjectType = draft.SubjectType,
            SubjectId = draft.SubjectId,
            SubjectLabel = draft.SubjectLabel is null ? null : Shorten(draft.SubjectLabel, 128),
            SiteId = draft.SiteId,
            Latitude = draft.Latitude,
            Longitude = draft.Longitude,
            Evidence = draft.Evidence is null ? null : JsonSerializer.Serialize(draft.Evidence, JsonSerializerOptions.Web),
            RaisedAt = draft.RaisedAt,
            Status = AlertStatus.Open,
            OwnerAgencyId = audience.OwnerAgencyId,
            Tlp = audience.Tlp,
            CreatedByUserId = audience.CreatedByUserId,
        };
        db.Add(alert);
        db.AddRange(audience.ReleaseTo.Distinct().Select(a => new ReleaseGrant { RecordId = alert.Id, AgencyId = a }));
        db.AddRange(audience.Recipients.Distinct().Select(u => new NamedRecipient { RecordId = alert.Id, UserId = u }));
        db.AddRange(inputs.DistinctBy(i => i.Record.Id).Select(i => DerivedInput.Of(alert.Id, i.Record, i.Kind)));
        return alert;
    }

    /// <summary>
    /// The audience of alerts about these records: each record's marking (owner, level, creator, release-to, named
    /// recipients) as it is now, read in two queries.
    /// </summary>
    public static async Task<Dictionary<Guid, AlertAudience>> AudienceOfAsync(JsmsDbContext db, IReadOnlyCollection<IReleasable> records,
        CancellationToken cancellationToken)
    {
        var ids = records.Select(r => r.Id).Distinct().ToList();
        var grants = (await db.Set<ReleaseGrant>().AsNoTracking().Where(g => ids.Contains(g.RecordId)).ToListAsync(cancellationToken))
            .ToLookup(g => g.RecordId, g => g.AgencyId);
        var recipients = (await db.Set<NamedRecipient>().AsNoTracking().Where(r => ids.Contains(r.RecordId)).ToListAsync(cancellationToken))
            .ToLookup(r => r.RecordId, r => r.UserId);
        return records.DistinctBy(r => r.Id).ToDictionary(r => r.Id,
            r => new AlertAudience(r.OwnerAgencyId, r.Tlp, r.CreatedByUserId, [.. grants[r.Id]], [.. recipients[r.Id]]));
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max];
}
