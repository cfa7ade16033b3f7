using Jsms.Features.Protection;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Operations;

/// <summary>
/// The consent register: granted consents as their readers may see them, who is on a state's territory now, and the
/// host's steps in a consent's life (suspend, resume, revoke, release). Only the host authorities of the consent's
/// request take those steps; a reader who is not one gets 403, a consent the caller may not read stays 404.
/// </summary>
internal sealed class ConsentsService(JsmsDbContext db, ReleaseMarkings markings, TimeProvider clock)
{
    /// <summary>The status at <paramref name="now"/>: an Active consent past its effective end has expired, stored so or not.</summary>
    public static ConsentStatus StatusAt(Consent consent, DateTime now)
        => consent.Status == ConsentStatus.Active && now >= consent.EffectiveEnd ? ConsentStatus.Expired : consent.Status;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<List<ConsentDto>> ListAsync(Caller caller, string? state = null)
    {
        var query = db.Readable<Consent>(caller).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(state))
        {
            var iso = state.Trim().ToUpperInvariant();
            query = query.Where(c => db.Set<State>().Any(s => s.Id == c.HostStateId && s.IsoCode == iso));
        }
        var consents = await query.OrderByDescending(c => c.GrantedAt).Take(500).ToListAsync();
        return await DescribeAsync(consents);
    }

    public async Task<ConsentDto?> GetAsync(Caller caller, Guid id)
        => await db.Readable<Consent>(caller).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id) is { } consent
            ? (await DescribeAsync([consent]))[0]
            : null;

    /// <summary>Consents in force now on a state's territory (Active, started, not ended), with their personnel and vehicles.</summary>
    public async Task<List<ActivePresenceDto>?> ActiveAsync(Caller caller, string state)
    {
        var iso = state.Trim().ToUpperInvariant();
        var stateId = await db.Set<State>().Where(s => s.IsoCode == iso).Select(s => (Guid?)s.Id).FirstOrDefaultAsync();
        if (stateId is null)
        {
            return null;
        }
        var now = Now;
        var consents = await db.Readable<Consent>(caller).AsNoTracking()
            .Where(c => c.HostStateId == stateId && c.Status == ConsentStatus.Active && c.EffectiveStart <= now && c.EffectiveEnd > now)
            .OrderBy(c => c.EffectiveEnd).ToListAsync();
        var names = await OperationNames.LoadAsync(db, consents.Select(c => c.RequestingAgencyId), []);
        return [.. consents.Select(c => new ActivePresenceDto(c.Id, names.Agency(c.RequestingAgencyId), c.Kind.ToString(), c.Purpose, c.EffectiveStart,
            c.EffectiveEnd, [.. c.Personnel.OrderBy(p => p.Name, StringComparer.Ordinal).Select(Person)], [.. c.Vehicles.OrderBy(v => v.Callsign, StringComparer.Ordinal).Select(v => new VehicleDto(v.Id, v.Kind, v.Callsign, v.DeviceId))]))];
    }

    public Task<OperationOutcome<ConsentDto>> SuspendAsync(Caller caller, Guid id, ConsentStatusInput input)
        => ChangeAsync(caller, id, input, ConsentStatus.Suspended, from: [ConsentStatus.Active]);

    public Task<OperationOutcome<ConsentDto>> ResumeAsync(Caller caller, Guid id, ConsentStatusInput input)
        => ChangeAsync(caller, id, input, ConsentStatus.Active, from: [ConsentStatus.Suspended]);

    public Task<OperationOutcome<ConsentDto>> RevokeAsync(Caller caller, Guid id, ConsentStatusInput input)
        => ChangeAsync(caller, id, input, ConsentStatus.Revoked, from: [ConsentStatus.Active, ConsentStatus.Suspended]);

    /// <summary>
    /// The host chooses what it releases: a new marking for the consent. The requester and the host authorities keep it
    /// whatever the release-to list says (a consent is never hidden from its parties).
    /// </summary>
    public async Task<OperationOutcome<ConsentDto>> ReleaseAsync(Caller caller, Guid id, MarkingInput input)
    {
        var (consent, refusal) = await HostStepAsync(caller, id);
        if (consent is null)
        {
            return refusal!;
        }
        var (marking, errors) = await markings.ResolveAsync(input, consent.Tlp);
        if (marking is null)
        {
            return OperationOutcome<ConsentDto>.Invalid(errors);
        }
        if (marking.Tlp is Tlp.AmberStrict or Tlp.Red)
        {
            return OperationOutcome<ConsentDto>.Invalid("marking.tlp", "A consent stays readable by its parties: use CLEAR, GREEN or AMBER.");
        }
        var parties = await db.Set<ConsentAuthority>().Where(a => a.RequestId == consent.RequestId).Select(a => a.AgencyId).ToListAsync();
        var releaseTo = marking.ReleaseToAgencyIds.Concat(parties).Append(consent.RequestingAgencyId).Where(a => a != consent.OwnerAgencyId).Distinct().ToList();
        await markings.ReplaceAsync(consent, marking with { ReleaseToAgencyIds = releaseTo });
        consent.Version++;
        await db.SaveChangesAsync();
        return OperationOutcome<ConsentDto>.Ok((await GetAsync(caller, id))!);
    }

    private async Task<OperationOutcome<ConsentDto>> ChangeAsync(Caller caller, Guid id, ConsentStatusInput input, ConsentStatus to, ConsentStatus[] from)
    {
        var errors = new Dictionary<string, string[]>();
        var reason = Platform.Web.Validate.Text(errors, "reason", input.Reason, 2000, required: true);
        if (errors.Count > 0)
        {
            return OperationOutcome<ConsentDto>.Invalid(errors);
        }
        var (consent, refusal) = await HostStepAsync(caller, id);
        if (consent is null)
        {
            return refusal!;
        }
        var now = StatusAt(consent, Now);
        if (!from.Contains(now))
        {
            return OperationOutcome<ConsentDto>.InConflict($"The consent is {now}: it cannot become {to}.");
        }
        consent.Status = to;
        consent.StatusReason = reason;
        consent.StatusChangedAt = Now;
        consent.StatusChangedByUserId = caller.UserId;
        consent.Version++;
        await db.SaveChangesAsync();
        return OperationOutcome<ConsentDto>.Ok((await GetAsync(caller, id))!);
    }

    /// <summary>The consent, tracked, when the caller is a writer of one of its request's host authorities; else why not.</summary>
    private async Task<(Consent?, OperationOutcome<ConsentDto>?)> HostStepAsync(Caller caller, Guid id)
    {
        var consent = await db.Readable<Consent>(caller).FirstOrDefaultAsync(c => c.Id == id);
        if (consent is null)
        {
            return (null, OperationOutcome<ConsentDto>.NotFound());
        }
        var isHost = await db.Set<ConsentAuthority>().AnyAsync(a => a.RequestId == consent.RequestId && a.AgencyId == caller.AgencyId);
        if (!isHost)
        {
            return (null, OperationOutcome<ConsentDto>.NotAllowed("Only the host authorities of the consent take this step."));
        }
        if (!caller.CanWrite)
        {
            return (null, OperationOutcome<ConsentDto>.NotAllowed("Your role may read but not change records."));
        }
        return (consent, null);
    }

    private static PersonnelDto Person(DeployedPerson p) => new(p.Id, p.Name, p.Rank, p.Role, null, p.TrainedOn, p.VettedOn, p.UserId);

    private async Task<List<ConsentDto>> DescribeAsync(List<Consent> consents)
    {
        var names = await OperationNames.LoadAsync(db, consents.Select(c => c.RequestingAgencyId), consents.Select(c => c.HostStateId));
        var marks = await markings.DescribeAsync([.. consents.Select(c => (c.Id, c.OwnerAgencyId, c.Tlp))]);
        var now = Now;
        return [.. consents.Select(c => new ConsentDto(c.Id, c.RequestId, names.State(c.HostStateId), names.Agency(c.RequestingAgencyId), c.Kind.ToString(),
            c.Purpose, Geo.ToJson(c.EffectiveArea), c.EffectiveStart, c.EffectiveEnd, c.Standing, c.Exclusions, c.Conditions,
            [.. c.Personnel.OrderBy(p => p.Name, StringComparer.Ordinal).Select(Person)], [.. c.Vehicles.OrderBy(v => v.Callsign, StringComparer.Ordinal).Select(v => new VehicleDto(v.Id, v.Kind, v.Callsign, v.DeviceId))],
            StatusAt(c, now).ToString(), c.StatusReason, c.StatusChangedAt, c.SupersededById, c.AmendsConsentId, c.Version, c.GrantedAt, marks[c.Id]))];
    }
}
