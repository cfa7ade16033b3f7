using Jsms.Features.Alerts;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Identity;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace Jsms.Features.Operations;

/// <summary>
/// The one place where host authorities' answers are taken and counted (docs/operations.md). It refuses: a decision by
/// the requesting agency itself, by an agency not named as an authority, by a reader without a writing role, a second
/// answer of one authority in a round, an answer after the deadline or on a request that is not awaiting decisions.
/// It then counts the round under the request's rule (<see cref="Evaluate"/>) and, once decided, grants the consent with
/// every condition applied (<see cref="Conclude"/>). Each attempt bumps the request's <see cref="ConsentRequest.Version"/>,
/// a concurrency token: of two decisions saved at once one fails, is re-read in a fresh unit of work and counted again
/// against what the other wrote, so both can never be counted on the same state.
/// </summary>
internal sealed class ConsentDecisions(IServiceScopeFactory scopes, TimeProvider clock)
{
    private const int Attempts = 10;

    public async Task<OperationOutcome<ConsentDecision>> DecideAsync(Caller caller, Guid requestId, DecisionInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var parsed = Parse(input, errors);
        if (errors.Count > 0)
        {
            return OperationOutcome<ConsentDecision>.Invalid(errors);
        }
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<JsmsDbContext>();
            try
            {
                return await TryDecideAsync(db, caller, requestId, parsed);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another decision (or a change) was saved first: count again on what it left.
            }
        }
    }

    private async Task<OperationOutcome<ConsentDecision>> TryDecideAsync(JsmsDbContext db, Caller caller, Guid requestId, ConsentDecision parsed)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var request = await db.Readable<ConsentRequest>(caller).Include(r => r.Authorities).FirstOrDefaultAsync(r => r.Id == requestId);
        if (request is null)
        {
            return OperationOutcome<ConsentDecision>.NotFound();
        }
        if (request.OwnerAgencyId == caller.AgencyId)
        {
            return OperationOutcome<ConsentDecision>.NotAllowed("Nobody decides on their own agency's request.");
        }
        if (request.Authorities.All(a => a.AgencyId != caller.AgencyId))
        {
            return OperationOutcome<ConsentDecision>.NotAllowed("Only the host authorities named on the request decide it.");
        }
        if (!caller.CanWrite)
        {
            return OperationOutcome<ConsentDecision>.NotAllowed("Your role may read but not decide.");
        }
        if (request.Status != ConsentRequestStatus.Submitted)
        {
            return OperationOutcome<ConsentDecision>.InConflict($"The request is {request.Status}: it is not awaiting decisions.");
        }
        if (now > request.DecisionDeadline)
        {
            return OperationOutcome<ConsentDecision>.InConflict($"The deadline for decisions passed at {request.DecisionDeadline:yyyy-MM-dd HH:mm} UTC.");
        }
        var round = await db.Set<ConsentDecision>().Where(d => d.RequestId == request.Id && d.Round == request.Round).ToListAsync();
        if (round.Any(d => d.AuthorityAgencyId == caller.AgencyId))
        {
            return OperationOutcome<ConsentDecision>.InConflict("Your agency has already answered this request in this round: an authority decides once.");
        }
        var errors = new Dictionary<string, string[]>();
        if (parsed.NarrowedArea is { } narrowed && !narrowed.Intersects(request.Area))
        {
            errors["area"] = ["The narrower area lies outside the requested area."];
        }
        var start = parsed.NarrowedStart ?? request.PeriodStart;
        var end = parsed.NarrowedEnd ?? request.PeriodEnd;
        if ((parsed.NarrowedStart is not null || parsed.NarrowedEnd is not null)
            && (start < request.PeriodStart || end > request.PeriodEnd || end <= start))
        {
            errors["periodStart"] = ["The narrower period must lie within the requested period and end after it starts."];
        }
        if (parsed.PersonnelIds is { } ids && ids.Except(request.Personnel.Select(p => p.Id)).Any())
        {
            errors["personnelIds"] = ["Name only personnel of the request (by id)."];
        }
        if (errors.Count > 0)
        {
            return OperationOutcome<ConsentDecision>.Invalid(errors);
        }
        parsed.Id = Guid.NewGuid();
        parsed.RequestId = request.Id;
        parsed.Round = request.Round;
        parsed.AuthorityAgencyId = caller.AgencyId;
        parsed.DecidedByUserId = caller.UserId;
        parsed.At = now;
        db.Add(parsed);
        round.Add(parsed);
        request.Version++;
        var tally = Evaluate(request.Rule, request.QuorumN, [.. request.Authorities.Select(a => a.AgencyId)], round);
        if (tally.Outcome != DecisionOutcome.Pending)
        {
            await ConcludeAsync(db, request, round, tally, caller.AgencyId, caller.UserId, now);
        }
        await db.SaveChangesAsync();
        return OperationOutcome<ConsentDecision>.Ok(parsed);
    }

    /// <summary>
    /// What a round's answers add up to. A request for information sends the request back at once. <c>All</c>: approved
    /// when every authority approved, refused at the first refusal. <c>Quorum</c>: approved at N approvals, refused when
    /// so many refused that N can no longer be reached. <c>AnyWithVeto</c>: refused at the first refusal (a veto); approved
    /// when every authority answered without one, or at the deadline with at least one approval and no veto.
    /// </summary>
    public static DecisionTally Evaluate(DecisionRule rule, int quorumN, IReadOnlyCollection<Guid> authorities, IReadOnlyCollection<ConsentDecision> round)
    {
        var counted = round.Where(d => authorities.Contains(d.AuthorityAgencyId)).ToList();
        var approvals = counted.Count(d => d.Answer is ConsentAnswer.Approve or ConsentAnswer.ApproveWithConditions);
        var refusals = counted.Count(d => d.Answer == ConsentAnswer.Refuse);
        var information = counted.Count(d => d.Answer == ConsentAnswer.RequestInformation);
        var pending = authorities.Where(a => counted.All(d => d.AuthorityAgencyId != a)).ToList();
        var n = authorities.Count;
        var outcome = information > 0 ? DecisionOutcome.MoreInformationRequested : rule switch
        {
            DecisionRule.All when refusals > 0 => DecisionOutcome.Refused,
            DecisionRule.All when approvals == n => DecisionOutcome.Approved,
            DecisionRule.Quorum when approvals >= quorumN => DecisionOutcome.Approved,
            DecisionRule.Quorum when n - refusals < quorumN => DecisionOutcome.Refused,
            DecisionRule.AnyWithVeto when refusals > 0 => DecisionOutcome.Refused,
            DecisionRule.AnyWithVeto when approvals == n => DecisionOutcome.Approved,
            _ => DecisionOutcome.Pending,
        };
        return new DecisionTally(rule, quorumN, n, approvals, refusals, information, pending, outcome);
    }

    /// <summary>
    /// Closes requests whose deadline passed while still awaiting decisions: under <c>AnyWithVeto</c> one approval without a
    /// veto grants; otherwise the request is refused (silence is not consent). Returns how many were closed.
    /// </summary>
    public static async Task<int> CloseOverdueAsync(JsmsDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var overdue = await db.Set<ConsentRequest>().Include(r => r.Authorities)
            .Where(r => r.Status == ConsentRequestStatus.Submitted && r.DecisionDeadline < now).Take(100).ToListAsync(cancellationToken);
        foreach (var request in overdue)
        {
            var round = await db.Set<ConsentDecision>().Where(d => d.RequestId == request.Id && d.Round == request.Round).ToListAsync(cancellationToken);
            var tally = Evaluate(request.Rule, request.QuorumN, [.. request.Authorities.Select(a => a.AgencyId)], round);
            var lapsed = request.Rule == DecisionRule.AnyWithVeto && tally is { Approvals: > 0, Refusals: 0 }
                ? tally with { Outcome = DecisionOutcome.Approved }
                : tally with { Outcome = DecisionOutcome.Refused };
            var last = round.Where(d => d.Answer is ConsentAnswer.Approve or ConsentAnswer.ApproveWithConditions).MaxBy(d => d.At);
            request.Version++;
            await ConcludeAsync(db, request, round, lapsed, last?.AuthorityAgencyId ?? request.Authorities[0].AgencyId,
                last?.DecidedByUserId ?? request.CreatedByUserId, now);
        }
        await db.SaveChangesAsync(cancellationToken);
        return overdue.Count;
    }

    /// <summary>Closes a decided round: the request's status, the consent with the conditions applied, the requester's alert.</summary>
    private static async Task ConcludeAsync(JsmsDbContext db, ConsentRequest request, List<ConsentDecision> round, DecisionTally tally,
        Guid decidingAgencyId, Guid decidingUserId, DateTime now)
    {
        var codes = await db.Set<Agency>().AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code);
        switch (tally.Outcome)
        {
            case DecisionOutcome.MoreInformationRequested:
                request.Status = ConsentRequestStatus.MoreInformationRequested;
                break;
            case DecisionOutcome.Refused:
                request.Status = ConsentRequestStatus.Refused;
                request.DecidedAt = now;
                break;
            case DecisionOutcome.Approved:
                var approvals = round.Where(d => d.Answer is ConsentAnswer.Approve or ConsentAnswer.ApproveWithConditions).ToList();
                var consent = Grant(request, approvals, codes, decidingAgencyId, decidingUserId, now);
                db.Add(consent);
                db.AddRange(request.Authorities.Select(a => a.AgencyId).Append(request.OwnerAgencyId).Where(a => a != consent.OwnerAgencyId).Distinct()
                    .Select(a => new ReleaseGrant { RecordId = consent.Id, AgencyId = a }));
                if (request.AmendsConsentId is { } amended && await db.Set<Consent>().FirstOrDefaultAsync(c => c.Id == amended) is { } old)
                {
                    old.Status = ConsentStatus.Superseded;
                    old.SupersededById = consent.Id;
                    old.StatusReason = "Superseded by the amendment granted on request " + request.Id;
                    old.StatusChangedAt = now;
                    old.StatusChangedByUserId = decidingUserId;
                    old.Version++;
                    consent.AmendsConsentId = old.Id;
                }
                request.Status = approvals.Any(d => d.Answer == ConsentAnswer.ApproveWithConditions)
                    ? ConsentRequestStatus.ApprovedWithConditions : ConsentRequestStatus.Approved;
                request.DecidedAt = now;
                request.ConsentId = consent.Id;
                break;
        }
        var requesterCoordinators = await Coordinators.OfAgenciesAsync(db, [request.OwnerAgencyId], CancellationToken.None);
        db.Raise(new AlertDraft("consent-decision", tally.Outcome == DecisionOutcome.Refused ? AlertSeverity.High : AlertSeverity.Medium,
                $"Consent request {request.Kind}: {request.Status}", now)
            {
                Detail = $"{request.Purpose} — {tally.Summary}",
                SubjectType = nameof(ConsentRequest),
                SubjectId = request.Id,
            },
            new AlertAudience(request.OwnerAgencyId, Tlp.Red, decidingUserId, [], requesterCoordinators.Append(request.CreatedByUserId)),
            [new AlertInput(request, "consent-request")]);
    }

    /// <summary>The consent the approvals grant: the request narrowed by every condition (area, period, personnel).</summary>
    private static Consent Grant(ConsentRequest request, List<ConsentDecision> approvals, Dictionary<Guid, string> codes, Guid ownerAgencyId,
        Guid createdBy, DateTime now)
    {
        var area = (MultiPolygon)request.Area.Copy();
        var start = request.PeriodStart;
        var end = request.PeriodEnd;
        IEnumerable<DeployedPerson> personnel = request.Personnel;
        foreach (var d in approvals)
        {
            if (d.NarrowedArea is { } narrowed)
            {
                area = ConsentAreas.Intersect(area, narrowed);
            }
            start = d.NarrowedStart is { } s && s > start ? s : start;
            end = d.NarrowedEnd is { } e && e < end ? e : end;
            if (d.PersonnelIds is { } ids)
            {
                personnel = personnel.Where(p => ids.Contains(p.Id));
            }
        }
        var conditions = approvals.Where(d => !string.IsNullOrWhiteSpace(d.Conditions))
            .Select(d => $"{codes.GetValueOrDefault(d.AuthorityAgencyId, "?")}: {d.Conditions}").ToList();
        return new Consent
        {
            Id = Guid.NewGuid(),
            RequestId = request.Id,
            HostStateId = request.HostStateId,
            RequestingAgencyId = request.OwnerAgencyId,
            Kind = request.Kind,
            Purpose = request.Purpose,
            EffectiveArea = area,
            EffectiveStart = start,
            EffectiveEnd = end < start ? start : end,
            Standing = request.Standing,
            Exclusions = request.Exclusions,
            Conditions = conditions.Count == 0 ? null : string.Join("\n", conditions),
            Personnel = [.. personnel.Select(p => new DeployedPerson
            {
                Id = p.Id, Name = p.Name, Rank = p.Rank, Role = p.Role, PassportNumberProtected = p.PassportNumberProtected,
                TrainedOn = p.TrainedOn, VettedOn = p.VettedOn, UserId = p.UserId,
            })],
            Vehicles = [.. request.Vehicles.Select(v => new DeployedVehicle { Id = v.Id, Kind = v.Kind, Callsign = v.Callsign, DeviceId = v.DeviceId })],
            Status = ConsentStatus.Active,
            GrantedAt = now,
            OwnerAgencyId = ownerAgencyId,
            CreatedByUserId = createdBy,
            Tlp = Tlp.Amber,
        };
    }

    /// <summary>The answer as an unsaved decision; problems that need no record go to <paramref name="errors"/>.</summary>
    private static ConsentDecision Parse(DecisionInput input, Dictionary<string, string[]> errors)
    {
        var decision = new ConsentDecision();
        if (!Enum.TryParse<ConsentAnswer>(input.Answer, true, out var answer) || !Enum.IsDefined(answer) || int.TryParse(input.Answer, out _))
        {
            errors["answer"] = [$"Use one of: {string.Join(", ", Enum.GetNames<ConsentAnswer>())}."];
            return decision;
        }
        decision.Answer = answer;
        decision.Reasons = Platform.Web.Validate.Text(errors, "reasons", input.Reasons, 4000,
            required: answer is ConsentAnswer.Refuse or ConsentAnswer.RequestInformation);
        decision.Conditions = Platform.Web.Validate.Text(errors, "conditions", input.Conditions, 4000, required: false);
        var narrows = input.Area is { ValueKind: not (System.Text.Json.JsonValueKind.Null or System.Text.Json.JsonValueKind.Undefined) }
                      || input.PeriodStart is not null || input.PeriodEnd is not null || input.PersonnelIds is not null;
        if (answer != ConsentAnswer.ApproveWithConditions)
        {
            if (narrows || decision.Conditions is not null)
            {
                errors["answer"] = ["Conditions, a narrower area, period or personnel go with the answer ApproveWithConditions."];
            }
            return decision;
        }
        if (!narrows && decision.Conditions is null)
        {
            errors["conditions"] = ["An approval with conditions states them (text, a narrower area, period or personnel)."];
        }
        if (input.Area is { ValueKind: not (System.Text.Json.JsonValueKind.Null or System.Text.Json.JsonValueKind.Undefined) } area)
        {
            var (read, problem) = ConsentAreas.Read(area);
            if (problem is not null)
            {
                errors["area"] = ["The narrower area " + problem];
            }
            decision.NarrowedArea = read;
        }
        decision.NarrowedStart = input.PeriodStart?.UtcDateTime;
        decision.NarrowedEnd = input.PeriodEnd?.UtcDateTime;
        if (input.PersonnelIds is { } ids)
        {
            decision.PersonnelIds = [.. ids.Distinct()];
        }
        return decision;
    }
}
