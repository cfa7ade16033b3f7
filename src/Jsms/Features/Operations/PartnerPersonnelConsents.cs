using Jsms.Features.Protection;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace Jsms.Features.Operations;

/// <summary>
/// Protection's <see cref="IForeignPersonnelConsentCheck"/>, answered from the consents: a partner's person joins a
/// movement only when the granted consent that admits them is in force (read now) and its effective area covers the
/// movement's route and its effective period the movement's window. A person is named by their id on the request and the
/// consent; the caller must be able to read that consent (or the request naming them), else 404. The check follows an
/// amendment to the consent in force (matching the person by account, else by name), as joint operations do.
/// </summary>
internal sealed class PartnerPersonnelConsents(JsmsDbContext db, TimeProvider clock) : IForeignPersonnelConsentCheck
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<List<PartnerPersonDto>> ChoicesAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var consents = await db.Readable<Consent>(caller).AsNoTracking()
            .Where(c => c.Status == ConsentStatus.Active && c.EffectiveEnd > now)
            .OrderBy(c => c.EffectiveStart).Take(200).ToListAsync(cancellationToken);
        return await DescribeAsync(consents, consents.SelectMany(c => c.Personnel.Select(p => p.Id)).ToHashSet());
    }

    public async Task<List<PartnerPersonDto>> DescribeAsync(Caller caller, IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken = default)
    {
        var ids = personIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        var consents = await db.Readable<Consent>(caller).AsNoTracking().Where(c => c.Personnel.Any(p => ids.Contains(p.Id))).ToListAsync(cancellationToken);
        return await DescribeAsync(consents, [.. ids]);
    }

    public async Task<PartnerPersonnelCheck> CheckAsync(Caller caller, string field, IReadOnlyList<Guid> personIds, LineString? route,
        DateTime? start, DateTime? end, CancellationToken cancellationToken = default)
    {
        var result = new PartnerPersonnelCheck([], []);
        if (personIds.Count == 0)
        {
            return result;
        }
        var ids = personIds.Distinct().ToList();
        var consents = await db.Readable<Consent>(caller).AsNoTracking().Where(c => c.Personnel.Any(p => ids.Contains(p.Id))).ToListAsync(cancellationToken);
        var requests = await db.Readable<ConsentRequest>(caller).AsNoTracking().Where(r => r.Personnel.Any(p => ids.Contains(p.Id))).ToListAsync(cancellationToken);
        var names = await OperationNames.LoadAsync(db, consents.Select(c => c.RequestingAgencyId).Concat(requests.Select(r => r.OwnerAgencyId)),
            consents.Select(c => c.HostStateId).Concat(requests.Select(r => r.HostStateId)));
        for (var i = 0; i < personIds.Count; i++)
        {
            var id = personIds[i];
            if (consents.FirstOrDefault(c => c.Personnel.Any(p => p.Id == id)) is { } granted)
            {
                var person = granted.Personnel.First(p => p.Id == id);
                var who = $"{person.Name} ({names.Agency(granted.RequestingAgencyId)}, consent of {names.State(granted.HostStateId)})";
                var current = await InForceAsync(granted);
                var admitted = current.Id == granted.Id ? person
                    : current.Personnel.FirstOrDefault(p => person.UserId is { } user ? p.UserId == user : p.Name == person.Name) ?? person;
                Add(result, field, who, Gaps(current, admitted.Id, person.Name, route, start, end));
            }
            else if (requests.FirstOrDefault(r => r.Personnel.Any(p => p.Id == id)) is { } request)
            {
                var person = request.Personnel.First(p => p.Id == id);
                var who = $"{person.Name} ({names.Agency(request.OwnerAgencyId)}, request to {names.State(request.HostStateId)})";
                if (request.ConsentId is not { } consentId)
                {
                    Add(result, field, who, new() { ["consent"] = [$"No consent was granted on the request (it is {request.Status})."] });
                    continue;
                }
                var current = await InForceAsync(await db.Set<Consent>().AsNoTracking().FirstAsync(c => c.Id == consentId, cancellationToken));
                var admitted = current.Personnel.FirstOrDefault(p => person.UserId is { } user ? p.UserId == user : p.Name == person.Name);
                Add(result, field, who, Gaps(current, admitted?.Id ?? person.Id, person.Name, route, start, end));
            }
            else
            {
                result.Missing.Add($"{field}[{i}]");
            }
        }
        return result;
    }

    /// <summary>What the consent does not cover for one person on a movement with this route and window.</summary>
    private Dictionary<string, string[]> Gaps(Consent consent, Guid personId, string name, LineString? route, DateTime? start, DateTime? end)
    {
        var gaps = ConsentCoverage.Gaps(consent, null, start ?? consent.EffectiveStart, end ?? consent.EffectiveEnd, [(personId, name)], Now, startingNow: false);
        if (route is null)
        {
            gaps["area"] = ["The movement has no route, so nothing shows it stays within the consented area."];
        }
        else if (!consent.EffectiveArea.Covers(route))
        {
            var outside = route.Difference(consent.EffectiveArea).Length;
            gaps["area"] = [$"The route is not within the consented area: {(route.Length <= 0 ? "some" : $"{Math.Max(0.1, 100 * outside / route.Length):0.#}%")} of it lies outside."];
        }
        if (start is null || end is null)
        {
            gaps["period"] = ["The movement needs its departure and arrival times to be checked against the consented period."];
        }
        return gaps;
    }

    private static void Add(PartnerPersonnelCheck result, string field, string who, Dictionary<string, string[]> gaps)
    {
        foreach (var (key, messages) in gaps)
        {
            var name = $"{field}.{key}";
            result.Uncovered[name] = [.. result.Uncovered.GetValueOrDefault(name, []), .. messages.Select(m => $"{who}: {m}")];
        }
    }

    /// <summary>The consent, or the amendment in force that superseded it (the system's read: the check is not the caller's).</summary>
    private async Task<Consent> InForceAsync(Consent consent)
    {
        for (var i = 0; i < 20 && consent.Status == ConsentStatus.Superseded && consent.SupersededById is { } next; i++)
        {
            consent = await db.Set<Consent>().AsNoTracking().FirstAsync(c => c.Id == next);
        }
        return consent;
    }

    private async Task<List<PartnerPersonDto>> DescribeAsync(List<Consent> consents, HashSet<Guid> ids)
    {
        var names = await OperationNames.LoadAsync(db, consents.Select(c => c.RequestingAgencyId), consents.Select(c => c.HostStateId));
        var now = Now;
        return [.. consents.SelectMany(c => c.Personnel.Where(p => ids.Contains(p.Id)).Select(p => new PartnerPersonDto(p.Id, p.Name, p.Rank, p.Role,
                names.Agency(c.RequestingAgencyId), names.State(c.HostStateId), c.Id, ConsentsService.StatusAt(c, now).ToString())))
            .OrderBy(p => p.Agency, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)];
    }
}
