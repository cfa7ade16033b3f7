using Jsms.Features.Alerts;
using Jsms.Features.Protection;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Identity;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Operations;

/// <summary>
/// Consent requests: create, change while undecided, clone, submit, withdraw, amend a consent, read. Every query goes through
/// the access policy: a request is TLP:AMBER released to exactly its host authorities, so only the parties find it. The
/// decisions themselves are <see cref="ConsentDecisions"/>'; the body is read by <see cref="ConsentRequestInputs"/>, the
/// request shown by <see cref="ConsentRequestViews"/>.
/// </summary>
internal sealed class ConsentRequestsService(JsmsDbContext db, ConsentRequestInputs inputs, ConsentRequestViews views, TimeProvider clock)
{
    public async Task<List<ConsentRequestSummaryDto>> ListAsync(Caller caller, string? status = null)
    {
        var query = db.Readable<ConsentRequest>(caller).AsNoTracking();
        if (Enum.TryParse<ConsentRequestStatus>(status, true, out var wanted))
        {
            query = query.Where(r => r.Status == wanted);
        }
        var rows = await query.OrderByDescending(r => r.CreatedAt)
            .Select(r => new
            {
                r.Id, r.OwnerAgencyId, r.HostStateId, r.Kind, r.Purpose, r.PeriodStart, r.PeriodEnd, r.Standing, r.Status, r.DecisionDeadline,
                Personnel = r.Personnel.Count, r.ConsentId,
            }).Take(500).ToListAsync();
        var names = await NamesAsync(rows.Select(r => r.OwnerAgencyId), rows.Select(r => r.HostStateId));
        return [.. rows.Select(r => new ConsentRequestSummaryDto(r.Id, names.Agency(r.OwnerAgencyId), names.State(r.HostStateId), r.Kind.ToString(),
            r.Purpose, r.PeriodStart, r.PeriodEnd, r.Standing, r.Status.ToString(), r.DecisionDeadline, r.Personnel, r.ConsentId))];
    }

    public async Task<ConsentRequestDto?> GetAsync(Caller caller, Guid id)
    {
        var request = await db.Readable<ConsentRequest>(caller).AsNoTracking().Include(r => r.Authorities).FirstOrDefaultAsync(r => r.Id == id);
        return request is null ? null : await views.DescribeAsync(caller, request);
    }

    public async Task<OperationOutcome<ConsentRequestDto>> CreateAsync(Caller caller, ConsentRequestInput input)
    {
        var request = new ConsentRequest { Id = Guid.NewGuid(), Status = ConsentRequestStatus.Draft, CreatedAt = Now };
        var errors = await inputs.ApplyAsync(request, input, caller);
        if (errors.Count > 0)
        {
            return OperationOutcome<ConsentRequestDto>.Invalid(errors);
        }
        Mark(request, caller);
        db.Add(request);
        await db.SaveChangesAsync();
        return OperationOutcome<ConsentRequestDto>.Ok((await GetAsync(caller, request.Id))!);
    }

    /// <summary>Changes a request while no authority has answered its current round (Draft, more information requested, or submitted and unanswered).</summary>
    public async Task<OperationOutcome<ConsentRequestDto>> UpdateAsync(Caller caller, Guid id, ConsentRequestInput input)
    {
        var request = await WritableAsync(caller, id);
        if (request is null)
        {
            return OperationOutcome<ConsentRequestDto>.NotFound();
        }
        if (!await IsOpenForChangeAsync(request))
        {
            return OperationOutcome<ConsentRequestDto>.InConflict($"The request is {request.Status} and its authorities have begun to decide: it can no longer be changed. Withdraw it or clone it.");
        }
        var errors = await inputs.ApplyAsync(request, input, caller);
        if (errors.Count > 0)
        {
            return OperationOutcome<ConsentRequestDto>.Invalid(errors);
        }
        await ReleaseToAuthoritiesAsync(request);
        request.Version++;
        await db.SaveChangesAsync();
        return OperationOutcome<ConsentRequestDto>.Ok((await GetAsync(caller, request.Id))!);
    }

    /// <summary>A new draft with the same content as a request the caller's agency made (the requester clones its own).</summary>
    public async Task<OperationOutcome<ConsentRequestDto>> CloneAsync(Caller caller, Guid id)
    {
        var source = await db.Writable<ConsentRequest>(caller).AsNoTracking().Include(r => r.Authorities).FirstOrDefaultAsync(r => r.Id == id);
        if (source is null)
        {
            return OperationOutcome<ConsentRequestDto>.NotFound();
        }
        var copy = Copy(source, caller);
        copy.ClonedFromId = source.Id;
        db.Add(copy);
        await db.SaveChangesAsync();
        return OperationOutcome<ConsentRequestDto>.Ok((await GetAsync(caller, copy.Id))!);
    }

    /// <summary>
    /// An amendment of a consent: a new draft request (a copy of the consent's request) that names the consent it amends.
    /// Only the requesting agency amends; when the amendment is granted the old consent is superseded.
    /// </summary>
    public async Task<OperationOutcome<ConsentRequestDto>> AmendAsync(Caller caller, Guid consentId)
    {
        var consent = await db.Readable<Consent>(caller).AsNoTracking().FirstOrDefaultAsync(c => c.Id == consentId);
        if (consent is null)
        {
            return OperationOutcome<ConsentRequestDto>.NotFound();
        }
        if (consent.RequestingAgencyId != caller.AgencyId || !caller.CanWrite)
        {
            return OperationOutcome<ConsentRequestDto>.NotAllowed("Only the requesting agency's writers amend a consent.");
        }
        if (ConsentsService.StatusAt(consent, Now) is ConsentStatus.Revoked or ConsentStatus.Superseded or ConsentStatus.Expired)
        {
            return OperationOutcome<ConsentRequestDto>.InConflict($"The consent is {ConsentsService.StatusAt(consent, Now)}: make a new request instead.");
        }
        var source = await db.Set<ConsentRequest>().AsNoTracking().Include(r => r.Authorities).FirstAsync(r => r.Id == consent.RequestId);
        var copy = Copy(source, caller);
        copy.AmendsConsentId = consent.Id;
        db.Add(copy);
        await db.SaveChangesAsync();
        return OperationOutcome<ConsentRequestDto>.Ok((await GetAsync(caller, copy.Id))!);
    }

    /// <summary>Sends a draft (or a request sent back for more information) to its authorities under the rule in force now.</summary>
    public async Task<OperationOutcome<ConsentRequestDto>> SubmitAsync(Caller caller, Guid id)
    {
        var request = await WritableAsync(caller, id);
        if (request is null)
        {
            return OperationOutcome<ConsentRequestDto>.NotFound();
        }
        if (request.Status is not (ConsentRequestStatus.Draft or ConsentRequestStatus.MoreInformationRequested))
        {
            return OperationOutcome<ConsentRequestDto>.InConflict($"The request is {request.Status}: only a draft or a request sent back for more information is submitted.");
        }
        if (request.DecisionDeadline <= Now)
        {
            return OperationOutcome<ConsentRequestDto>.Invalid("decisionDeadline", "The decision deadline has passed: set a later one before submitting.");
        }
        var (rule, quorum) = await DecisionRulesService.RuleForAsync(db, request);
        if (rule == DecisionRule.Quorum && quorum > request.Authorities.Count)
        {
            return OperationOutcome<ConsentRequestDto>.Invalid("authorities",
                $"The host's rule needs {quorum} approvals but the request names {request.Authorities.Count} authorities.");
        }
        request.Rule = rule;
        request.QuorumN = rule == DecisionRule.Quorum ? quorum : 0;
        request.Round++;
        request.Status = ConsentRequestStatus.Submitted;
        request.SubmittedAt = Now;
        request.Version++;
        var authorityIds = request.Authorities.Select(a => a.AgencyId).ToList();
        var coordinators = await Coordinators.OfAgenciesAsync(db, authorityIds, CancellationToken.None);
        var requester = await db.Set<Agency>().Where(a => a.Id == request.OwnerAgencyId).Select(a => a.Code).FirstAsync();
        db.Raise(new AlertDraft("consent-request", AlertSeverity.Medium, $"Consent requested by {requester}: {request.Kind}", Now)
            {
                Detail = $"{request.Purpose} (decide by {request.DecisionDeadline:yyyy-MM-dd HH:mm} UTC; rule {rule}{(rule == DecisionRule.Quorum ? $" {quorum}" : "")})",
                SubjectType = nameof(ConsentRequest),
                SubjectId = request.Id,
            },
            new AlertAudience(request.OwnerAgencyId, Tlp.Red, caller.UserId, [], coordinators),
            [new AlertInput(request, "consent-request")]);
        await db.SaveChangesAsync();
        return OperationOutcome<ConsentRequestDto>.Ok((await GetAsync(caller, request.Id))!);
    }

    public async Task<OperationOutcome<ConsentRequestDto>> WithdrawAsync(Caller caller, Guid id)
    {
        var request = await WritableAsync(caller, id);
        if (request is null)
        {
            return OperationOutcome<ConsentRequestDto>.NotFound();
        }
        if (request.Status is not (ConsentRequestStatus.Draft or ConsentRequestStatus.Submitted or ConsentRequestStatus.MoreInformationRequested))
        {
            return OperationOutcome<ConsentRequestDto>.InConflict($"The request is {request.Status}: it is already closed.");
        }
        request.Status = ConsentRequestStatus.Withdrawn;
        request.WithdrawnAt = Now;
        request.Version++;
        await db.SaveChangesAsync();
        return OperationOutcome<ConsentRequestDto>.Ok((await GetAsync(caller, request.Id))!);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private Task<ConsentRequest?> WritableAsync(Caller caller, Guid id)
        => db.Writable<ConsentRequest>(caller).Include(r => r.Authorities).FirstOrDefaultAsync(r => r.Id == id);

    private async Task<bool> IsOpenForChangeAsync(ConsentRequest request)
        => request.Status is ConsentRequestStatus.Draft or ConsentRequestStatus.MoreInformationRequested
           || (request.Status == ConsentRequestStatus.Submitted
               && !await db.Set<ConsentDecision>().AnyAsync(d => d.RequestId == request.Id && d.Round == request.Round));

    /// <summary>A request is always AMBER, released to exactly its host authorities: the parties, and nobody else.</summary>
    private void Mark(ConsentRequest request, Caller caller)
    {
        request.OwnerAgencyId = caller.AgencyId;
        request.CreatedByUserId = caller.UserId;
        request.Tlp = Tlp.Amber;
        db.AddRange(request.Authorities.Select(a => new ReleaseGrant { RecordId = request.Id, AgencyId = a.AgencyId }));
    }

    private async Task ReleaseToAuthoritiesAsync(ConsentRequest request)
    {
        var wanted = request.Authorities.Select(a => a.AgencyId).ToHashSet();
        var grants = await db.Set<ReleaseGrant>().Where(g => g.RecordId == request.Id).ToListAsync();
        db.RemoveRange(grants.Where(g => !wanted.Contains(g.AgencyId)));
        db.AddRange(wanted.Where(a => grants.All(g => g.AgencyId != a)).Select(a => new ReleaseGrant { RecordId = request.Id, AgencyId = a }));
    }

    private ConsentRequest Copy(ConsentRequest source, Caller caller)
    {
        var copy = new ConsentRequest
        {
            Id = Guid.NewGuid(),
            HostStateId = source.HostStateId,
            Kind = source.Kind,
            Purpose = source.Purpose,
            Area = (NetTopologySuite.Geometries.MultiPolygon)source.Area.Copy(),
            PeriodStart = source.PeriodStart,
            PeriodEnd = source.PeriodEnd,
            Standing = source.Standing,
            Exclusions = source.Exclusions,
            RulesOfEngagement = source.RulesOfEngagement,
            DecisionDeadline = source.DecisionDeadline,
            Status = ConsentRequestStatus.Draft,
            CreatedAt = Now,
            Personnel = [.. source.Personnel.Select(p => new DeployedPerson
            {
                Id = Guid.NewGuid(), Name = p.Name, Rank = p.Rank, Role = p.Role, PassportNumberProtected = p.PassportNumberProtected,
                TrainedOn = p.TrainedOn, VettedOn = p.VettedOn, UserId = p.UserId,
            })],
            Vehicles = [.. source.Vehicles.Select(v => new DeployedVehicle { Id = Guid.NewGuid(), Kind = v.Kind, Callsign = v.Callsign, DeviceId = v.DeviceId })],
            Equipment = [.. source.Equipment.Select(e => new RequestedEquipment { Id = Guid.NewGuid(), Type = e.Type, SerialNumber = e.SerialNumber, Quantity = e.Quantity })],
            Authorities = [.. source.Authorities.Select(a => new ConsentAuthority { AgencyId = a.AgencyId })],
        };
        foreach (var a in copy.Authorities)
        {
            a.RequestId = copy.Id;
        }
        Mark(copy, caller);
        return copy;
    }

    private async Task<OperationNames> NamesAsync(IEnumerable<Guid> agencyIds, IEnumerable<Guid> stateIds)
        => await OperationNames.LoadAsync(db, agencyIds, stateIds);
}
