using Jsms.Features.Alerts;
using Jsms.Features.Tracking;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Identity;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Operations;

/// <summary>
/// What the tracking engine watches against consents (Tracking's <see cref="IDeploymentWatchSource"/>, answered here:
/// Operations depends on Tracking, never the reverse). One watch per consent not superseded that lapsed less than
/// <see cref="Horizon"/> ago (or has yet to), with the trackers named on its vehicles and on the vehicles of its
/// approved or under-way operations (an operation under a superseded consent counts under its amendment). Its alerts are
/// about the consent, TLP:RED to the coordinators of the host authorities and of the requesting agency and to the
/// requester who asked for it.
/// </summary>
internal sealed class DeploymentWatches : IDeploymentWatchSource
{
    /// <summary>How long after a consent lapsed its team is still watched for staying on.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(14);

    public long Version => DeploymentChanges.Version;

    public async Task<List<DeploymentWatch>> LoadAsync(JsmsDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var since = now - Horizon;
        var consents = await db.Set<Consent>().AsNoTracking()
            .Where(c => c.Status != ConsentStatus.Superseded && c.EffectiveEnd > since && (c.StatusChangedAt == null || c.StatusChangedAt > since
                || c.Status == ConsentStatus.Active || c.Status == ConsentStatus.Expired))
            .ToListAsync(cancellationToken);
        if (consents.Count == 0)
        {
            return [];
        }
        var supersededBy = await db.Set<Consent>().AsNoTracking().Where(c => c.SupersededById != null)
            .Select(c => new { c.Id, Next = c.SupersededById!.Value }).ToDictionaryAsync(c => c.Id, c => c.Next, cancellationToken);
        var live = new[] { JointOperationStatus.Approved, JointOperationStatus.UnderWay };
        var operations = await db.Set<JointOperation>().AsNoTracking().Where(o => live.Contains(o.Status))
            .Select(o => new { o.ConsentId, o.Vehicles }).ToListAsync(cancellationToken);
        var operationTrackers = operations.SelectMany(o => o.Vehicles.Where(v => v.DeviceId != null).Select(v => (Consent: Current(o.ConsentId), Tracker: v.DeviceId!)))
            .ToLookup(x => x.Consent, x => x.Tracker);

        Guid Current(Guid id)
        {
            for (var i = 0; i < 20 && supersededBy.TryGetValue(id, out var next); i++)
            {
                id = next;
            }
            return id;
        }

        var watched = consents.Select(c => (Consent: c, Trackers: c.Vehicles.Where(v => !string.IsNullOrWhiteSpace(v.DeviceId)).Select(v => v.DeviceId!)
            .Concat(operationTrackers[c.Id]).Distinct(StringComparer.Ordinal).ToList())).Where(x => x.Trackers.Count > 0).ToList();
        if (watched.Count == 0)
        {
            return [];
        }
        var requestIds = watched.Select(x => x.Consent.RequestId).ToList();
        var authorities = (await db.Set<ConsentAuthority>().AsNoTracking().Where(a => requestIds.Contains(a.RequestId)).ToListAsync(cancellationToken))
            .ToLookup(a => a.RequestId, a => a.AgencyId);
        var requesters = await db.Set<ConsentRequest>().AsNoTracking().Where(r => requestIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.CreatedByUserId, cancellationToken);
        var agencies = watched.SelectMany(x => authorities[x.Consent.RequestId].Append(x.Consent.RequestingAgencyId).Append(x.Consent.OwnerAgencyId)).Distinct().ToList();
        var coordinators = (await (from u in db.Users
                                   join ur in db.UserRoles on u.Id equals ur.UserId
                                   join r in db.Roles on ur.RoleId equals r.Id
                                   where agencies.Contains(u.AgencyId) && !u.IsDisabled && r.Name == JsmsRoles.Coordinator
                                   select new { u.Id, u.AgencyId }).ToListAsync(cancellationToken)).ToLookup(u => u.AgencyId, u => u.Id);
        var codes = await db.Set<Agency>().AsNoTracking().Where(a => agencies.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Code, cancellationToken);
        var result = new List<DeploymentWatch>();
        foreach (var (c, trackers) in watched)
        {
            var (validUntil, lapse) = c.Status switch
            {
                ConsentStatus.Suspended or ConsentStatus.Revoked when c.StatusChangedAt is { } at && at < c.EffectiveEnd
                    => (at, c.Status == ConsentStatus.Revoked ? "was revoked" : "was suspended"),
                _ => (c.EffectiveEnd, "expired"),
            };
            var parties = authorities[c.RequestId].Append(c.RequestingAgencyId).Append(c.OwnerAgencyId).Distinct();
            var recipients = parties.SelectMany(a => coordinators[a]).Concat(requesters.TryGetValue(c.RequestId, out var requester) ? [requester] : [])
                .Distinct().ToList();
            var label = $"the consent to {codes.GetValueOrDefault(c.RequestingAgencyId, "?")} ({Jsms.Platform.Web.Label.Of(c.Kind)}{(c.AmendsConsentId is null ? "" : ", amended")})";
            result.Add(new DeploymentWatch(c.Id, label, c.EffectiveArea, c.EffectiveStart, validUntil, lapse, trackers, c,
                new AlertAudience(c.OwnerAgencyId, Tlp.Red, c.CreatedByUserId, [], recipients)));
        }
        return result;
    }
}
