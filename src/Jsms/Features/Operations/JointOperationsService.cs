using Jsms.Features.Protection;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Jsms.Platform.Web;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace Jsms.Features.Operations;

/// <summary>
/// Joint operations: plan (create, change while planned), move through their statuses (<see cref="OperationTransitions"/>),
/// record their outcome, read. An operation is AMBER released to its parties only, so every query through the access
/// policy finds it for them and nobody else. Approving and starting check the consent (<see cref="ConsentCoverage"/>).
/// </summary>
internal sealed class JointOperationsService(JsmsDbContext db, ReleaseMarkings markings, TimeProvider clock)
{
    public const int MaxIncidents = 200;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<List<JointOperationSummaryDto>> ListAsync(Caller caller, string? state = null, string? status = null)
    {
        var query = db.Readable<JointOperation>(caller).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(state))
        {
            var iso = state.Trim().ToUpperInvariant();
            query = query.Where(o => db.Set<State>().Any(s => s.Id == o.HostStateId && s.IsoCode == iso));
        }
        if (Enum.TryParse<JointOperationStatus>(status, true, out var wanted))
        {
            query = query.Where(o => o.Status == wanted);
        }
        var rows = await query.OrderByDescending(o => o.PeriodStart)
            .Select(o => new { o.Id, o.Name, o.HostStateId, o.OwnerAgencyId, o.Status, o.PeriodStart, o.PeriodEnd, o.ConsentId }).Take(500).ToListAsync();
        var names = await OperationNames.LoadAsync(db, rows.Select(r => r.OwnerAgencyId), rows.Select(r => r.HostStateId));
        return [.. rows.Select(r => new JointOperationSummaryDto(r.Id, r.Name, names.State(r.HostStateId), names.Agency(r.OwnerAgencyId), r.Status.ToString(),
            r.PeriodStart, r.PeriodEnd, r.ConsentId))];
    }

    public async Task<JointOperationDto?> GetAsync(Caller caller, Guid id)
        => await db.Readable<JointOperation>(caller).AsNoTracking().FirstOrDefaultAsync(o => o.Id == id) is { } operation
            ? await DescribeAsync(operation)
            : null;

    public async Task<JointOperationOutcome> CreateAsync(Caller caller, JointOperationInput input)
    {
        var operation = new JointOperation { Id = Guid.NewGuid(), Status = JointOperationStatus.Planned, CreatedAt = Now };
        var (consent, outcome) = await ApplyAsync(operation, input, caller);
        if (outcome is not null)
        {
            return outcome;
        }
        operation.OwnerAgencyId = caller.AgencyId;
        operation.CreatedByUserId = caller.UserId;
        operation.Tlp = Tlp.Amber;
        operation.Timeline.Add(Event("status", "Planned.", caller));
        db.Add(operation);
        await ReleaseToPartiesAsync(operation, consent!);
        await db.SaveChangesAsync();
        return JointOperationOutcome.Ok((await GetAsync(caller, operation.Id))!);
    }

    /// <summary>Changes an operation while it is planned (an approved one keeps what was approved).</summary>
    public async Task<JointOperationOutcome> UpdateAsync(Caller caller, Guid id, JointOperationInput input)
    {
        var operation = await WritableAsync(caller, id);
        if (operation is null)
        {
            return JointOperationOutcome.NotFound();
        }
        if (operation.Status != JointOperationStatus.Planned)
        {
            return JointOperationOutcome.InConflict($"The operation is {operation.Status}: only a planned operation is changed.");
        }
        var (consent, outcome) = await ApplyAsync(operation, input, caller);
        if (outcome is not null)
        {
            return outcome;
        }
        await ReleaseToPartiesAsync(operation, consent!);
        operation.Version++;
        return await SaveAsync(caller, operation);
    }

    /// <summary>
    /// Moves the operation to another status if <see cref="OperationTransitions"/> allows it. Approving is the host
    /// authorities' step; approving and starting need the consent (followed to its amendment, if superseded) to cover
    /// the operation now, else the refusal names what it does not cover.
    /// </summary>
    public async Task<JointOperationOutcome> MoveAsync(Caller caller, Guid id, OperationStatusInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var note = Validate.Text(errors, "note", input.Note, 2000, required: false);
        if (!Enum.TryParse<JointOperationStatus>(input.Status, true, out var to) || !Enum.IsDefined(to) || int.TryParse(input.Status, out _))
        {
            errors["status"] = [$"Use one of: {string.Join(", ", Enum.GetNames<JointOperationStatus>())}."];
        }
        if (errors.Count > 0)
        {
            return JointOperationOutcome.Invalid(errors);
        }
        var operation = await WritableAsync(caller, id);
        if (operation is null)
        {
            return JointOperationOutcome.NotFound();
        }
        if (!OperationTransitions.CanMove(operation.Status, to))
        {
            var next = OperationTransitions.Next(operation.Status);
            return JointOperationOutcome.InConflict($"The operation is {operation.Status}: it cannot become {to}"
                + (next.Count == 0 ? " (it is closed)." : $" (next: {string.Join(", ", next)})."));
        }
        var consent = await CurrentConsentAsync(operation.ConsentId);
        if (OperationTransitions.IsHostStep(to) && !await IsHostAuthorityAsync(consent, caller.AgencyId))
        {
            return JointOperationOutcome.NotAllowed("Only the host authorities of the operation's consent approve it.");
        }
        if (OperationTransitions.NeedsConsent(to))
        {
            var gaps = ConsentCoverage.Gaps(consent, operation.Area, operation.PeriodStart, operation.PeriodEnd,
                operation.Personnel.Select(p => (p.PersonId, p.Name)), Now, startingNow: to == JointOperationStatus.UnderWay);
            if (gaps.Count > 0)
            {
                return JointOperationOutcome.NotCovered(gaps);
            }
            operation.ConsentId = consent.Id;
        }
        var from = operation.Status;
        operation.Status = to;
        operation.Timeline.Add(Event("status", $"{from} → {to}." + (note is null ? "" : " " + note), caller));
        operation.Version++;
        return await SaveAsync(caller, operation);
    }

    /// <summary>Records the outcome of an operation under way or completed: linked incidents (added), arrests, items seized, notes.</summary>
    public async Task<JointOperationOutcome> RecordResultAsync(Caller caller, Guid id, OperationResultInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var items = Validate.Text(errors, "itemsSeized", input.ItemsSeized, 2000, required: false);
        var notes = Validate.Text(errors, "notes", input.Notes, 4000, required: false);
        if (input.Arrests is < 0 or > 100_000)
        {
            errors["arrests"] = ["Between 0 and 100000."];
        }
        if (input.IncidentIds is { } ids && ids.Any(i => i == Guid.Empty))
        {
            errors["incidentIds"] = ["An incident id cannot be empty."];
        }
        if (errors.Count > 0)
        {
            return JointOperationOutcome.Invalid(errors);
        }
        var operation = await WritableAsync(caller, id);
        if (operation is null)
        {
            return JointOperationOutcome.NotFound();
        }
        if (operation.Status is not (JointOperationStatus.UnderWay or JointOperationStatus.Completed))
        {
            return JointOperationOutcome.InConflict($"The operation is {operation.Status}: an outcome is recorded once it is under way.");
        }
        var added = (input.IncidentIds ?? []).Distinct().Where(i => !operation.IncidentIds.Contains(i)).ToList();
        if (operation.IncidentIds.Count + added.Count > MaxIncidents)
        {
            return JointOperationOutcome.Invalid(new() { ["incidentIds"] = [$"At most {MaxIncidents} incidents per operation."] });
        }
        // A new list, so the change tracker sees the primitive collection change.
        operation.IncidentIds = [.. operation.IncidentIds, .. added];
        foreach (var incident in added)
        {
            operation.Timeline.Add(Event("incident", $"Incident {incident} linked.", caller));
        }
        if (input.Arrests is not null || items is not null || notes is not null)
        {
            operation.Arrests = input.Arrests ?? operation.Arrests;
            operation.ItemsSeized = items ?? operation.ItemsSeized;
            operation.OutcomeNotes = notes ?? operation.OutcomeNotes;
            operation.Timeline.Add(Event("outcome", $"Outcome: {operation.Arrests} arrest(s)" + (operation.ItemsSeized is { } seized ? $"; seized: {seized}" : "") + ".", caller));
        }
        operation.Version++;
        return await SaveAsync(caller, operation);
    }

    private async Task<JointOperationOutcome> SaveAsync(Caller caller, JointOperation operation)
    {
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return JointOperationOutcome.InConflict("The operation was changed by someone else at the same time: reload it and try again.");
        }
        return JointOperationOutcome.Ok((await GetAsync(caller, operation.Id))!);
    }

    /// <summary>The operation, tracked, when the caller is a writer of a party (the access policy finds it only for parties).</summary>
    private async Task<JointOperation?> WritableAsync(Caller caller, Guid id)
        => caller.CanWrite ? await db.Readable<JointOperation>(caller).FirstOrDefaultAsync(o => o.Id == id) : null;

    /// <summary>The consent an operation runs under, or the amendment that superseded it (the system's read: the check is not the caller's).</summary>
    private async Task<Consent> CurrentConsentAsync(Guid consentId)
    {
        var consent = await db.Set<Consent>().AsNoTracking().FirstAsync(c => c.Id == consentId);
        for (var i = 0; i < 20 && consent.Status == ConsentStatus.Superseded && consent.SupersededById is { } next; i++)
        {
            consent = await db.Set<Consent>().AsNoTracking().FirstAsync(c => c.Id == next);
        }
        return consent;
    }

    private async Task<bool> IsHostAuthorityAsync(Consent consent, Guid agencyId)
        => consent.OwnerAgencyId == agencyId || await db.Set<ConsentAuthority>().AnyAsync(a => a.RequestId == consent.RequestId && a.AgencyId == agencyId);

    /// <summary>An operation is released to its parties: the participating agencies, the consent's requester and host authorities.</summary>
    private async Task ReleaseToPartiesAsync(JointOperation operation, Consent consent)
    {
        var hosts = await db.Set<ConsentAuthority>().Where(a => a.RequestId == consent.RequestId).Select(a => a.AgencyId).ToListAsync();
        var wanted = operation.Forces.Select(f => f.AgencyId).Concat(hosts).Append(consent.RequestingAgencyId).Append(consent.OwnerAgencyId)
            .Where(a => a != operation.OwnerAgencyId).ToHashSet();
        var grants = await db.Set<ReleaseGrant>().Where(g => g.RecordId == operation.Id).ToListAsync();
        db.RemoveRange(grants.Where(g => !wanted.Contains(g.AgencyId)));
        db.AddRange(wanted.Where(a => grants.All(g => g.AgencyId != a)).Select(a => new ReleaseGrant { RecordId = operation.Id, AgencyId = a }));
    }

    private OperationEvent Event(string kind, string text, Caller caller)
        => new() { Id = Guid.NewGuid(), At = Now, Kind = kind, Text = text, UserId = caller.UserId };

    /// <summary>Checks the body and applies it; every problem at once. The consent must be one the caller may read (else 404 naming it).</summary>
    private async Task<(Consent?, JointOperationOutcome?)> ApplyAsync(JointOperation operation, JointOperationInput input, Caller caller)
    {
        if (!caller.CanWrite)
        {
            return (null, JointOperationOutcome.NotAllowed("Your role may read but not change records."));
        }
        var errors = new Dictionary<string, string[]>();
        var name = Validate.Text(errors, "name", input.Name, 200, required: true);
        var objective = Validate.Text(errors, "objective", input.Objective, 2000, required: true);
        var command = Validate.Text(errors, "commandArrangement", input.CommandArrangement, 2000, required: false);
        MultiPolygon? area = null;
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
        var end = input.PeriodEnd?.UtcDateTime;
        if (start is null)
        {
            errors["periodStart"] = ["Required."];
        }
        if (end is null)
        {
            errors["periodEnd"] = ["Required."];
        }
        else if (start is not null && end <= start)
        {
            errors["periodEnd"] = ["Must be after the period's start."];
        }
        if (input.ConsentId is null)
        {
            errors["consentId"] = ["Required: the consent the operation runs under."];
        }
        var codes = (input.Forces ?? []).Select(f => f?.Agency?.Trim().ToUpperInvariant() ?? "").ToList();
        var agencies = await db.Set<Agency>().AsNoTracking().Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Id);
        var forces = new List<OperationForce>();
        for (var i = 0; i < codes.Count; i++)
        {
            var forcesText = Validate.Text(errors, $"forces[{i}].forces", input.Forces![i]?.Forces, 1000, required: true);
            if (!agencies.TryGetValue(codes[i], out var agencyId))
            {
                errors[$"forces[{i}].agency"] = [codes[i].Length == 0 ? "Required: an agency code." : $"Unknown agency '{codes[i]}'."];
                continue;
            }
            forces.Add(new OperationForce { Id = Guid.NewGuid(), AgencyId = agencyId, Forces = forcesText ?? "" });
        }
        var vehicles = new List<OperationVehicle>();
        foreach (var (v, i) in (input.Vehicles ?? []).Select((v, i) => (v, i)))
        {
            var callsign = Validate.Text(errors, $"vehicles[{i}].callsign", v?.Callsign, 100, required: true);
            var device = Validate.Text(errors, $"vehicles[{i}].deviceId", v?.DeviceId, 128, required: false);
            vehicles.Add(new OperationVehicle { Id = Guid.NewGuid(), Callsign = callsign ?? "", DeviceId = device });
        }
        if (forces.Count + vehicles.Count + (input.Personnel?.Count ?? 0) > 1000)
        {
            errors["forces"] = ["At most 1000 forces, personnel and vehicles in one operation."];
        }
        if (errors.Count > 0)
        {
            return (null, JointOperationOutcome.Invalid(errors));
        }
        var consent = await db.Readable<Consent>(caller).AsNoTracking().FirstOrDefaultAsync(c => c.Id == input.ConsentId);
        if (consent is null)
        {
            return (null, JointOperationOutcome.NotFound("consentId"));
        }
        // People are named by their id on the consent's request (a condition may have left some out of the consent:
        // that is for the coverage check to refuse, naming them).
        var known = consent.Personnel.ToDictionary(p => p.Id, p => p.Name);
        var request = await db.Readable<ConsentRequest>(caller).AsNoTracking().FirstOrDefaultAsync(r => r.Id == consent.RequestId);
        foreach (var p in request?.Personnel ?? [])
        {
            known.TryAdd(p.Id, p.Name);
        }
        var personnel = new List<OperationPerson>();
        foreach (var (p, i) in (input.Personnel ?? []).Select((p, i) => (p, i)))
        {
            var task = Validate.Text(errors, $"personnel[{i}].task", p?.Task, 200, required: false);
            if (p?.PersonId is not { } personId || !known.TryGetValue(personId, out var personName))
            {
                errors[$"personnel[{i}].personId"] = ["Names nobody on the consent's request."];
                continue;
            }
            if (personnel.All(x => x.PersonId != personId))
            {
                personnel.Add(new OperationPerson { PersonId = personId, Name = personName, Task = task });
            }
        }
        if (errors.Count > 0)
        {
            return (null, JointOperationOutcome.Invalid(errors));
        }
        operation.Name = name!;
        operation.Objective = objective!;
        operation.CommandArrangement = command;
        operation.Area = area!;
        operation.PeriodStart = start!.Value;
        operation.PeriodEnd = end!.Value;
        operation.ConsentId = consent.Id;
        operation.HostStateId = consent.HostStateId;
        operation.Forces.Clear();
        operation.Forces.AddRange(forces);
        operation.Personnel.Clear();
        operation.Personnel.AddRange(personnel);
        operation.Vehicles.Clear();
        operation.Vehicles.AddRange(vehicles);
        return (consent, null);
    }

    private async Task<JointOperationDto> DescribeAsync(JointOperation o)
    {
        var names = await OperationNames.LoadAsync(db, o.Forces.Select(f => f.AgencyId).Append(o.OwnerAgencyId), [o.HostStateId]);
        var userIds = o.Timeline.Select(e => e.UserId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? "");
        return new JointOperationDto(o.Id, o.Name, o.ConsentId, names.State(o.HostStateId), names.Agency(o.OwnerAgencyId), o.Objective, Geo.ToJson(o.Area),
            o.PeriodStart, o.PeriodEnd, o.CommandArrangement, o.Status.ToString(), [.. OperationTransitions.Next(o.Status).Select(s => s.ToString())],
            [.. o.Forces.Select(f => new OperationForceDto(names.Agency(f.AgencyId), f.Forces))],
            [.. o.Personnel.Select(p => new OperationPersonDto(p.PersonId, p.Name, p.Task))],
            [.. o.Vehicles.Select(v => new OperationVehicleDto(v.Id, v.Callsign, v.DeviceId))],
            o.IncidentIds, o.Arrests, o.ItemsSeized, o.OutcomeNotes,
            [.. o.Timeline.OrderBy(e => e.At).Select(e => new OperationEventDto(e.At, e.Kind, e.Text, users.GetValueOrDefault(e.UserId, "?")))],
            o.Version, o.CreatedAt, await markings.DescribeAsync(o));
    }
}
