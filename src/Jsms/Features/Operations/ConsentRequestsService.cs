using Jsms.Features.Alerts;
using Jsms.Features.Protection;
using Jsms.Features.Training;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Identity;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Operations;

/// <summary>
/// Consent requests: create, change while undecided, clone, submit, withdraw, amend a consent, read. Every query goes through
/// the access policy: a request is TLP:AMBER released to exactly its host authorities, so only the parties find it. The
/// decisions themselves are <see cref="ConsentDecisions"/>'.
/// </summary>
internal sealed class ConsentRequestsService(JsmsDbContext db, PassportNumbers passports, TimeProvider clock, TrainingCurrency training)
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
        return request is null ? null : await DescribeAsync(caller, request);
    }

    public async Task<OperationOutcome<ConsentRequestDto>> CreateAsync(Caller caller, ConsentRequestInput input)
    {
        var request = new ConsentRequest { Id = Guid.NewGuid(), Status = ConsentRequestStatus.Draft, CreatedAt = Now };
        var errors = await ApplyAsync(request, input, caller);
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
        var errors = await ApplyAsync(request, input, caller);
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

    /// <summary>Checks the body and applies it to the request; every problem is reported at once.</summary>
    private async Task<Dictionary<string, string[]>> ApplyAsync(ConsentRequest request, ConsentRequestInput input, Caller caller)
    {
        var errors = new Dictionary<string, string[]>();
        var iso = input.HostState?.Trim().ToUpperInvariant();
        var host = string.IsNullOrEmpty(iso) ? null : await db.Set<State>().AsNoTracking().FirstOrDefaultAsync(s => s.IsoCode == iso);
        if (host is null)
        {
            errors["hostState"] = [string.IsNullOrEmpty(iso) ? "Required: the ISO code of the host state." : $"Unknown state '{iso}'."];
        }
        var codes = (input.Authorities ?? []).Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().ToList();
        var agencies = await db.Set<Agency>().AsNoTracking().Where(a => codes.Contains(a.Code)).ToListAsync();
        if (codes.Count == 0)
        {
            errors["authorities"] = ["Name at least one agency of the host state that must decide."];
        }
        else if (codes.Except(agencies.Select(a => a.Code)).ToList() is { Count: > 0 } unknown)
        {
            errors["authorities"] = [$"Unknown agency code(s): {string.Join(", ", unknown)}."];
        }
        else if (host is not null && agencies.Where(a => a.StateId != host.Id).Select(a => a.Code).ToList() is { Count: > 0 } foreign)
        {
            errors["authorities"] = [$"Not agencies of {host.Name}: {string.Join(", ", foreign)}."];
        }
        else if (agencies.Any(a => a.Id == caller.AgencyId))
        {
            errors["authorities"] = ["The requesting agency cannot be one of the authorities that decide its own request."];
        }
        if (!Enum.TryParse<ConsentKind>(input.Kind, true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(input.Kind, out _))
        {
            errors["kind"] = [$"Use one of: {string.Join(", ", Enum.GetNames<ConsentKind>())}."];
        }
        var purpose = Platform.Web.Validate.Text(errors, "purpose", input.Purpose, 2000, required: true);
        var exclusions = Platform.Web.Validate.Text(errors, "exclusions", input.Exclusions, 2000, required: false);
        var roe = Platform.Web.Validate.Text(errors, "rulesOfEngagement", input.RulesOfEngagement, 500, required: false);
        NetTopologySuite.Geometries.MultiPolygon? area = null;
        if (input.Area is not { } areaJson || areaJson.ValueKind is System.Text.Json.JsonValueKind.Null or System.Text.Json.JsonValueKind.Undefined)
        {
            errors["area"] = ["Required: a GeoJSON Polygon or MultiPolygon."];
        }
        else
        {
            (area, var problem) = ConsentAreas.Read(areaJson);
            if (problem is not null)
            {
                errors["area"] = ["The area " + problem];
            }
        }
        var start = input.PeriodStart?.UtcDateTime;
        var end = input.PeriodEnd?.UtcDateTime ?? (input.Standing && start is { } s ? s.AddYears(1) : null);
        if (start is null)
        {
            errors["periodStart"] = ["Required."];
        }
        if (end is null)
        {
            errors["periodEnd"] = ["Required (a standing request without one lasts a year)."];
        }
        else if (start is not null && end <= start)
        {
            errors["periodEnd"] = ["Must be after the period's start."];
        }
        var deadline = input.DecisionDeadline?.UtcDateTime ?? start;
        if (deadline is not null && end is not null && deadline >= end)
        {
            errors["decisionDeadline"] = ["Must be before the period's end."];
        }
        var personnel = new List<DeployedPerson>();
        var userNames = (input.Personnel ?? []).Select(p => p?.UserName?.Trim().ToUpperInvariant()).Where(n => !string.IsNullOrEmpty(n)).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userNames.Contains(u.NormalizedUserName!)).ToDictionaryAsync(u => u.NormalizedUserName!, u => u.Id);
        foreach (var (p, i) in (input.Personnel ?? []).Select((p, i) => (p, i)))
        {
            var key = $"personnel[{i}]";
            if (p is null)
            {
                errors[key] = ["Required."];
                continue;
            }
            var name = Platform.Web.Validate.Text(errors, key + ".name", p.Name, 200, required: true);
            var rank = Platform.Web.Validate.Text(errors, key + ".rank", p.Rank, 100, required: false);
            var role = Platform.Web.Validate.Text(errors, key + ".role", p.Role, 200, required: false);
            var passport = Platform.Web.Validate.Text(errors, key + ".passportNumber", p.PassportNumber, 50, required: false);
            Guid? userId = null;
            if (!string.IsNullOrWhiteSpace(p.UserName))
            {
                if (users.TryGetValue(p.UserName.Trim().ToUpperInvariant(), out var found))
                {
                    userId = found;
                }
                else
                {
                    errors[key + ".userName"] = [$"Unknown user '{p.UserName.Trim()}'."];
                }
            }
            personnel.Add(new DeployedPerson
            {
                Id = Guid.NewGuid(), Name = name ?? "", Rank = rank, Role = role, PassportNumberProtected = passports.Protect(passport),
                TrainedOn = p.TrainedOn, VettedOn = p.VettedOn, UserId = userId,
            });
        }
        var vehicles = new List<DeployedVehicle>();
        foreach (var (v, i) in (input.Vehicles ?? []).Select((v, i) => (v, i)))
        {
            var key = $"vehicles[{i}]";
            var vehicleKind = Platform.Web.Validate.Text(errors, key + ".kind", v?.Kind, 100, required: true);
            var callsign = Platform.Web.Validate.Text(errors, key + ".callsign", v?.Callsign, 100, required: true);
            var device = Platform.Web.Validate.Text(errors, key + ".deviceId", v?.DeviceId, 128, required: false);
            vehicles.Add(new DeployedVehicle { Id = Guid.NewGuid(), Kind = vehicleKind ?? "", Callsign = callsign ?? "", DeviceId = device });
        }
        var equipment = new List<RequestedEquipment>();
        foreach (var (e, i) in (input.Equipment ?? []).Select((e, i) => (e, i)))
        {
            var key = $"equipment[{i}]";
            var type = Platform.Web.Validate.Text(errors, key + ".type", e?.Type, 200, required: true);
            var serial = Platform.Web.Validate.Text(errors, key + ".serialNumber", e?.SerialNumber, 100, required: false);
            var quantity = e?.Quantity ?? 1;
            if (quantity is < 1 or > 100_000)
            {
                errors[key + ".quantity"] = ["Between 1 and 100000."];
            }
            equipment.Add(new RequestedEquipment { Id = Guid.NewGuid(), Type = type ?? "", SerialNumber = serial, Quantity = quantity });
        }
        if (personnel.Count + vehicles.Count > 1000)
        {
            errors["personnel"] = ["At most 1000 personnel and vehicles in one request."];
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        request.HostStateId = host!.Id;
        var keep = request.Authorities.Where(a => agencies.Any(x => x.Id == a.AgencyId)).ToList();
        request.Authorities.RemoveAll(a => !keep.Contains(a));
        request.Authorities.AddRange(agencies.Where(x => keep.All(a => a.AgencyId != x.Id)).Select(x => new ConsentAuthority { RequestId = request.Id, AgencyId = x.Id }));
        request.Kind = kind;
        request.Purpose = purpose!;
        request.Area = area!;
        request.PeriodStart = start!.Value;
        request.PeriodEnd = end!.Value;
        request.Standing = input.Standing;
        request.Exclusions = exclusions;
        request.RulesOfEngagement = roe;
        request.DecisionDeadline = deadline!.Value;
        request.Personnel.Clear();
        request.Personnel.AddRange(personnel);
        request.Vehicles.Clear();
        request.Vehicles.AddRange(vehicles);
        request.Equipment.Clear();
        request.Equipment.AddRange(equipment);
        return errors;
    }

    /// <summary>The request as its parties see it, with its decisions and the progress of the current round.</summary>
    private async Task<ConsentRequestDto> DescribeAsync(Caller caller, ConsentRequest request)
    {
        var decisions = await db.Set<ConsentDecision>().AsNoTracking().Where(d => d.RequestId == request.Id).OrderBy(d => d.At).ToListAsync();
        var authorityIds = request.Authorities.Select(a => a.AgencyId).ToList();
        var names = await NamesAsync(authorityIds.Append(request.OwnerAgencyId).Concat(decisions.Select(d => d.AuthorityAgencyId)), [request.HostStateId]);
        var deciders = decisions.Select(d => d.DecidedByUserId).Distinct().ToList();
        var userNames = await db.Users.AsNoTracking().Where(u => deciders.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? "");
        var tally = ConsentDecisions.Evaluate(request.Rule, request.QuorumN, authorityIds, decisions.Where(d => d.Round == request.Round).ToList());
        var progress = new DecisionProgressDto(request.Rule.ToString(), request.Rule == DecisionRule.Quorum ? request.QuorumN : null, tally.Authorities,
            tally.Approvals, tally.Refusals, tally.InformationRequests, [.. tally.Pending.Select(names.Agency).Order()],
            request.Status == ConsentRequestStatus.Draft ? "Draft" : tally.Outcome.ToString(),
            request.Status == ConsentRequestStatus.Draft ? "not submitted yet" : tally.Summary);
        return new ConsentRequestDto(
            request.Id, names.Agency(request.OwnerAgencyId), names.State(request.HostStateId), [.. authorityIds.Select(names.Agency).Order()],
            request.Kind.ToString(), request.Purpose, Geo.ToJson(request.Area), request.PeriodStart, request.PeriodEnd, request.Standing,
            request.Exclusions,
            [.. request.Personnel.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new PersonnelDto(p.Id, p.Name, p.Rank, p.Role, passports.Unprotect(p.PassportNumberProtected),
                p.TrainedOn, p.VettedOn, p.UserId))],
            [.. request.Vehicles.OrderBy(v => v.Callsign, StringComparer.Ordinal).Select(v => new VehicleDto(v.Id, v.Kind, v.Callsign, v.DeviceId))],
            [.. request.Equipment.Select(e => new EquipmentDto(e.Id, e.Type, e.SerialNumber, e.Quantity))],
            request.RulesOfEngagement, request.DecisionDeadline, request.Status.ToString(), request.Round, request.Version, request.ClonedFromId,
            request.AmendsConsentId, request.ConsentId, request.CreatedAt, request.SubmittedAt, request.DecidedAt, progress,
            [.. decisions.Select(d => new ConsentDecisionDto(d.Id, d.Round, names.Agency(d.AuthorityAgencyId), userNames.GetValueOrDefault(d.DecidedByUserId, "?"),
                d.Answer.ToString(), d.Reasons, d.Conditions, d.NarrowedArea is null ? null : Geo.ToJson(d.NarrowedArea), d.NarrowedStart, d.NarrowedEnd,
                d.PersonnelIds, d.At))],
            await CurrencyAsync(caller, request, names.Agency(request.OwnerAgencyId)));
    }

    /// <summary>
    /// Each deployed person's certificates on the period start. Vetting is out of date unless a vetting certificate is
    /// current then: the vetting date typed into the request is the requester's word, the certificate is the record.
    /// </summary>
    private async Task<List<PersonnelCurrencyDto>> CurrencyAsync(Caller caller, ConsentRequest request, string requesterCode)
    {
        var people = request.Personnel.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var on = DateOnly.FromDateTime(request.PeriodStart);
        var currency = await training.OfAsync(caller, [.. people.Select(p => new PersonRef(p.UserId, p.UserId is null ? p.Name : null, p.UserId is null ? requesterCode : null))], on);
        return [.. people.Zip(currency, (p, c) =>
        {
            var warnings = new List<string>();
            warnings.AddRange(c.Certificates.Where(x => x.CertificateState == CurrencyState.Expired)
                .Select(x => $"{x.Course}: certificate expired on {x.CertificateExpiresOn:yyyy-MM-dd}"));
            warnings.AddRange(c.Certificates.Where(x => x.CertificateState == CurrencyState.Expiring)
                .Select(x => $"{x.Course}: certificate expires on {x.CertificateExpiresOn:yyyy-MM-dd}"));
            if (!c.VettingCurrent)
            {
                warnings.Add(p.VettedOn is { } vetted
                    ? $"Vetting out of date: no current vetting certificate on {on:yyyy-MM-dd} (declared vetted on {vetted:yyyy-MM-dd})"
                    : $"Vetting out of date: no current vetting certificate on {on:yyyy-MM-dd}");
            }
            return new PersonnelCurrencyDto(p.Id, p.Name, on,
                [.. c.Certificates.Select(x => new CertificateCurrencyDto(x.CourseId, x.Course, x.CertificateNumber, x.CertificateIssuedOn,
                    x.CertificateExpiresOn, x.CertificateState))],
                c.AnyExpired, c.AnyExpiring, c.VettingCurrent, warnings);
        })];
    }

    private async Task<OperationNames> NamesAsync(IEnumerable<Guid> agencyIds, IEnumerable<Guid> stateIds)
        => await OperationNames.LoadAsync(db, agencyIds, stateIds);
}
