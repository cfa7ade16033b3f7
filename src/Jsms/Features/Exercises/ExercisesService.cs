using System.Text.Json;
using Jsms.Features.Operations;
using Jsms.Features.Protection;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Jsms.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Exercises;

/// <summary>
/// The use cases of exercises, shared by the API and the pages. Who may do what:
/// <list type="bullet">
/// <item>read: whoever the access policy lets read the exercise (the organiser, and each participating agency by release-to);</item>
/// <item>plan (edit, objectives, planned injects, phases, after-action report, improvement plan): the organising agency's writers (<see cref="AccessPolicy.Writable{T}"/>);</item>
/// <item>control (mark injects, add unplanned ones, replay a simulated event): writers of the organising or a participating agency, during execution only.</item>
/// </list>
/// Anything else answers 404, and a change the phase does not allow answers 409 with the reason.
/// </summary>
internal sealed class ExercisesService(JsmsDbContext db, ReleaseMarkings markings, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(Now);

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<List<ExerciseSummaryDto>> ListAsync(Caller caller)
    {
        var rows = await db.Readable<Exercise>(caller).AsNoTracking().Include(e => e.Participants)
            .OrderByDescending(e => e.StartsOn).ThenBy(e => e.Name).Take(500).ToListAsync();
        var marks = await markings.DescribeAsync(rows.Select(e => (e.Id, e.OwnerAgencyId, e.Tlp)).ToList());
        var codes = await AgencyCodesAsync();
        var now = Now;
        return rows.Select(e => new ExerciseSummaryDto(e.Id, e.Name, e.Kind, e.Phase, e.StartsOn, e.EndsOn, codes.GetValueOrDefault(e.OwnerAgencyId, "?"),
            ParticipantCodes(e, codes), e.AarDueAt, ExercisePhases.AarOverdue(e, now), marks[e.Id])).ToList();
    }

    public async Task<ExerciseDto?> GetAsync(Caller caller, Guid id)
        => await WithDetails(db.Readable<Exercise>(caller)).AsNoTracking().FirstOrDefaultAsync(e => e.Id == id) is { } exercise
            ? await ToDtoAsync(caller, exercise)
            : null;

    public async Task<Outcome<ExerciseDto>> CreateAsync(Caller caller, CreateExerciseRequest request)
    {
        if (!caller.CanWrite)
        {
            return Outcome.NotFound<ExerciseDto>();
        }
        // The consent an exercise runs under must be one the caller may read (a party to it), like any reference.
        References.Ensure(await db.MissingAsync<Consent>(caller, "consentId", request.ConsentId));
        var errors = new Dictionary<string, string[]>();
        Validate.RequireText(errors, "name", request.Name, 300);
        Validate.CheckLength(errors, "scenario", request.Scenario, 8000);
        var kind = ExerciseValues.Require<ExerciseKind>(errors, "kind", request.Kind);
        var startsOn = ExerciseValues.RequireDate(errors, "startsOn", request.StartsOn);
        var endsOn = ExerciseValues.RequireDate(errors, "endsOn", request.EndsOn);
        if (!errors.ContainsKey("startsOn") && !errors.ContainsKey("endsOn") && endsOn < startsOn)
        {
            errors["endsOn"] = ["The end date is before the start date."];
        }
        var participants = await ParticipantsAsync(errors, caller, request.Participants);
        NetTopologySuite.Geometries.Geometry? area = null;
        if (request.Area is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } json)
        {
            var (read, problem) = ExerciseValues.ReadArea(json);
            if (read is null)
            {
                errors["area"] = [$"The area {problem}"];
            }
            area = read;
        }
        var objectives = new List<ExerciseObjective>();
        foreach (var (objective, i) in (request.Objectives ?? []).Select((o, i) => (o, i)))
        {
            if (CheckObjective(errors, $"objectives[{i}]", objective, objectives.Select(o => o.Code)) is { } made)
            {
                objectives.Add(made);
            }
        }
        // Participants read the exercise through its release-to list, which TLP 2.0 honours at GREEN and AMBER (CLEAR is public).
        var input = request.Marking ?? new MarkingInput("AMBER", null, null);
        var (marking, markingErrors) = await markings.ResolveAsync(input with
        {
            ReleaseTo = [.. (input.ReleaseTo ?? []), .. (request.Participants ?? [])],
        });
        Validate.Merge(errors, markingErrors);
        if (TlpNames.TryParse(input.Tlp ?? "AMBER", out var tlp) && tlp is Tlp.AmberStrict or Tlp.Red)
        {
            errors["marking.tlp"] = ["Participating agencies read an exercise by release-to, which holds at CLEAR, GREEN or AMBER only."];
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid<ExerciseDto>(errors);
        }
        var now = Now;
        var exercise = new Exercise
        {
            Id = Guid.NewGuid(),
            Name = request.Name!.Trim(),
            Kind = kind,
            Scenario = Blank(request.Scenario),
            Phase = ExercisePhase.Concept,
            StartsOn = startsOn,
            EndsOn = endsOn,
            Area = area,
            ConsentId = request.ConsentId,
            CreatedAt = now,
            UpdatedAt = now,
            Participants = [.. participants.Select(a => new ExerciseParticipant { AgencyId = a })],
            Objectives = objectives,
        };
        markings.ApplyToNew(exercise, marking!, caller);
        db.Add(exercise);
        await db.SaveChangesAsync();
        return Outcome.Ok(await ToDtoAsync(caller, exercise));
    }

    public async Task<Outcome<ExerciseDto>> AddObjectiveAsync(Caller caller, Guid id, ObjectiveRequest request)
    {
        if (await PlannedAsync(caller, id) is not { } exercise)
        {
            return Outcome.NotFound<ExerciseDto>();
        }
        if (exercise.Phase >= ExercisePhase.Execution)
        {
            return Outcome.InConflict<ExerciseDto>($"Objectives are set before execution; the exercise is in {exercise.Phase}.");
        }
        var errors = new Dictionary<string, string[]>();
        if (CheckObjective(errors, "", request, exercise.Objectives.Select(o => o.Code)) is not { } objective)
        {
            return Outcome.Invalid<ExerciseDto>(errors);
        }
        objective.ExerciseId = exercise.Id;
        db.Add(objective);
        exercise.UpdatedAt = Now;
        await db.SaveChangesAsync();
        return Outcome.Ok(await ToDtoAsync(caller, exercise));
    }

    /// <summary>The result of an objective with its evidence, strengths and areas for improvement: from execution until the exercise closes.</summary>
    public async Task<Outcome<ExerciseDto>> AssessObjectiveAsync(Caller caller, Guid id, Guid objectiveId, ObjectiveResultRequest request)
    {
        if (await PlannedAsync(caller, id) is not { } exercise || exercise.Objectives.FirstOrDefault(o => o.Id == objectiveId) is not { } objective)
        {
            return Outcome.NotFound<ExerciseDto>();
        }
        if (exercise.Phase < ExercisePhase.Execution || ExercisePhases.IsOver(exercise.Phase))
        {
            return Outcome.InConflict<ExerciseDto>($"Objectives are assessed from execution until the exercise closes; it is in {exercise.Phase}.");
        }
        var errors = new Dictionary<string, string[]>();
        ObjectiveResult? result = null;
        if (!string.IsNullOrWhiteSpace(request.Result))
        {
            result = ExerciseValues.Require<ObjectiveResult>(errors, "result", request.Result);
        }
        var evidence = Validate.Text(errors, "evidence", request.Evidence, 4000, required: false);
        var strengths = Validate.Text(errors, "strengths", request.Strengths, 4000, required: false);
        var areas = Validate.Text(errors, "areasForImprovement", request.AreasForImprovement, 4000, required: false);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<ExerciseDto>(errors);
        }
        objective.Result = result ?? objective.Result;
        objective.Evidence = evidence ?? objective.Evidence;
        objective.Strengths = strengths ?? objective.Strengths;
        objective.AreasForImprovement = areas ?? objective.AreasForImprovement;
        exercise.UpdatedAt = Now;
        await db.SaveChangesAsync();
        return Outcome.Ok(await ToDtoAsync(caller, exercise));
    }

    /// <summary>
    /// Before execution the organiser plans injects; during execution a controller adds unplanned ones; afterwards
    /// the MSEL is closed (409).
    /// </summary>
    public async Task<Outcome<ExerciseDto>> AddInjectAsync(Caller caller, Guid id, InjectRequest request)
    {
        var exercise = await ControlledAsync(caller, id);
        if (exercise is null)
        {
            return Outcome.NotFound<ExerciseDto>();
        }
        var planning = exercise.Phase < ExercisePhase.Execution;
        if (planning && exercise.OwnerAgencyId != caller.AgencyId)
        {
            return Outcome.NotFound<ExerciseDto>();
        }
        if (!planning && exercise.Phase != ExercisePhase.Execution)
        {
            return Outcome.InConflict<ExerciseDto>($"The MSEL is closed: the exercise is in {exercise.Phase}.");
        }
        var errors = new Dictionary<string, string[]>();
        var number = request.Number ?? (exercise.Injects.Count == 0 ? 1 : exercise.Injects.Max(i => i.Number) + 1);
        if (number < 1)
        {
            errors["number"] = ["The inject number is 1 or more."];
        }
        else if (exercise.Injects.Any(i => i.Number == number))
        {
            errors["number"] = [$"Inject {number} exists already."];
        }
        if (request.PlannedAt is null)
        {
            errors["plannedAt"] = ["The planned time is required."];
        }
        var sender = Validate.Text(errors, "sender", request.Sender, 200, required: true);
        var receiver = Validate.Text(errors, "receiver", request.Receiver, 200, required: true);
        var method = Validate.Text(errors, "method", request.Method, 100, required: true);
        var content = Validate.Text(errors, "content", request.Content, 4000, required: true);
        var expected = Validate.Text(errors, "expectedAction", request.ExpectedAction, 2000, required: false);
        var code = Validate.Text(errors, "objectiveCode", request.ObjectiveCode, 32, required: false);
        if (code is not null && exercise.Objectives.All(o => !string.Equals(o.Code, code, StringComparison.OrdinalIgnoreCase)))
        {
            errors["objectiveCode"] = [$"No objective of this exercise has the code '{code}'."];
        }
        var inject = new Inject
        {
            Id = Guid.NewGuid(),
            ExerciseId = exercise.Id,
            Number = number,
            PlannedAt = request.PlannedAt?.ToUniversalTime() ?? default,
            Sender = sender ?? "",
            Receiver = receiver ?? "",
            Method = method ?? "",
            Content = content ?? "",
            ExpectedAction = expected,
            ObjectiveCode = exercise.Objectives.FirstOrDefault(o => string.Equals(o.Code, code, StringComparison.OrdinalIgnoreCase))?.Code,
            Unplanned = !planning,
        };
        if (request.Simulated is { } simulated)
        {
            CheckSimulated(errors, simulated, inject);
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid<ExerciseDto>(errors);
        }
        db.Add(inject);
        exercise.UpdatedAt = Now;
        await db.SaveChangesAsync();
        return Outcome.Ok(await ToDtoAsync(caller, exercise));
    }

    /// <summary>A controller marks an inject delivered, the player action observed and its assessment: during execution only.</summary>
    public async Task<Outcome<ExerciseDto>> MarkInjectAsync(Caller caller, Guid id, Guid injectId, MarkInjectRequest request)
    {
        if (await ControlledAsync(caller, id) is not { } exercise || exercise.Injects.FirstOrDefault(i => i.Id == injectId) is not { } inject)
        {
            return Outcome.NotFound<ExerciseDto>();
        }
        if (exercise.Phase != ExercisePhase.Execution)
        {
            return Outcome.InConflict<ExerciseDto>($"Injects are marked during execution only; the exercise is in {exercise.Phase}.");
        }
        var errors = new Dictionary<string, string[]>();
        var observed = Validate.Text(errors, "observedAction", request.ObservedAction, 4000, required: false);
        ObjectiveResult? assessment = null;
        if (!string.IsNullOrWhiteSpace(request.Assessment))
        {
            assessment = ExerciseValues.Require<ObjectiveResult>(errors, "assessment", request.Assessment);
        }
        var now = Now;
        if (request.DeliveredAt is { } at && at.ToUniversalTime() > now)
        {
            errors["deliveredAt"] = ["An inject cannot be delivered in the future."];
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid<ExerciseDto>(errors);
        }
        inject.DeliveredAt = request.DeliveredAt?.ToUniversalTime() ?? inject.DeliveredAt ?? now;
        inject.ObservedAction = observed ?? inject.ObservedAction;
        inject.Assessment = assessment ?? inject.Assessment;
        inject.MarkedByUserId = caller.UserId;
        exercise.UpdatedAt = now;
        await db.SaveChangesAsync();
        return Outcome.Ok(await ToDtoAsync(caller, exercise));
    }

    /// <summary>Plays an inject's simulated event on the exercise copy (<see cref="ExerciseReplay"/>): during execution only, once.</summary>
    public async Task<Outcome<ReplayResultDto>> ReplayAsync(Caller caller, Guid id, Guid injectId)
    {
        if (await ControlledAsync(caller, id) is not { } exercise || exercise.Injects.FirstOrDefault(i => i.Id == injectId) is not { } inject)
        {
            return Outcome.NotFound<ReplayResultDto>();
        }
        if (exercise.Phase != ExercisePhase.Execution)
        {
            return Outcome.InConflict<ReplayResultDto>($"Simulated events are replayed during execution only; the exercise is in {exercise.Phase}.");
        }
        if (inject.SimulatedKind is null)
        {
            return Outcome.InConflict<ReplayResultDto>($"Inject {inject.Number} carries no simulated event.");
        }
        if (inject.ReplayAlertId is not null)
        {
            return Outcome.InConflict<ReplayResultDto>($"Inject {inject.Number} was replayed already.");
        }
        var result = ExerciseReplay.Play(db, exercise, inject, caller, Now);
        await db.SaveChangesAsync();
        return Outcome.Ok(result);
    }

    /// <summary>Moves the exercise to its next phase (or cancels it) under <see cref="ExercisePhases"/>, recording the dated decision.</summary>
    public async Task<Outcome<ExerciseDto>> MovePhaseAsync(Caller caller, Guid id, PhaseRequest request)
    {
        if (await PlannedAsync(caller, id) is not { } exercise)
        {
            return Outcome.NotFound<ExerciseDto>();
        }
        var errors = new Dictionary<string, string[]>();
        var to = ExerciseValues.Require<ExercisePhase>(errors, "to", request.To);
        var decidedOn = Today;
        if (!string.IsNullOrWhiteSpace(request.DecidedOn) && !ExerciseValues.TryParseDate(request.DecidedOn, out decidedOn))
        {
            errors["decidedOn"] = [$"'{request.DecidedOn}' is not a valid date: write yyyy-MM-dd."];
        }
        else if (decidedOn > Today)
        {
            errors["decidedOn"] = ["A decision cannot be dated in the future."];
        }
        var note = Validate.Text(errors, "note", request.Note, 4000, required: true);
        var documents = new List<PhaseDocument>();
        foreach (var (document, i) in (request.Documents ?? []).Select((d, i) => (d, i)))
        {
            var name = Validate.Text(errors, $"documents[{i}].name", document.Name, 300, required: true);
            var url = Validate.Text(errors, $"documents[{i}].url", document.Url, 2000, required: false);
            var text = Validate.Text(errors, $"documents[{i}].text", document.Text, 8000, required: false);
            if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            {
                errors[$"documents[{i}].url"] = ["A document link is an absolute http(s) URL."];
            }
            if (url is null && text is null)
            {
                errors[$"documents[{i}]"] = ["A document has a link (url) or its text."];
            }
            documents.Add(new PhaseDocument { Id = Guid.NewGuid(), Name = name ?? "", Url = url, Text = text });
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid<ExerciseDto>(errors);
        }
        if (ExercisePhases.Refusal(exercise, to, Today) is { } why)
        {
            return Outcome.InConflict<ExerciseDto>(why);
        }
        var now = Now;
        var decision = new PhaseDecision
        {
            Id = Guid.NewGuid(),
            ExerciseId = exercise.Id,
            FromPhase = exercise.Phase,
            ToPhase = to,
            DecidedOn = decidedOn,
            Note = note!,
            DecidedByUserId = caller.UserId,
            RecordedAt = now,
        };
        foreach (var document in documents)
        {
            document.DecisionId = decision.Id;
        }
        decision.Documents = documents;
        db.Add(decision);
        ExercisePhases.Enter(exercise, to, now);
        await db.SaveChangesAsync();
        return Outcome.Ok(await ToDtoAsync(caller, exercise));
    }

    /// <summary>The hot wash notes and the report's summary: written in the HotWash and AfterActionReport phases.</summary>
    public async Task<Outcome<ExerciseDto>> UpdateAarAsync(Caller caller, Guid id, AarRequest request)
    {
        if (await PlannedAsync(caller, id) is not { } exercise)
        {
            return Outcome.NotFound<ExerciseDto>();
        }
        if (exercise.Phase is not (ExercisePhase.HotWash or ExercisePhase.AfterActionReport))
        {
            return Outcome.InConflict<ExerciseDto>($"The hot wash and the after-action report are written after execution; the exercise is in {exercise.Phase}.");
        }
        var errors = new Dictionary<string, string[]>();
        var notes = Validate.Text(errors, "hotWashNotes", request.HotWashNotes, 8000, required: false);
        var summary = Validate.Text(errors, "summary", request.Summary, 8000, required: false);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<ExerciseDto>(errors);
        }
        exercise.HotWashNotes = notes ?? exercise.HotWashNotes;
        exercise.AarSummary = summary ?? exercise.AarSummary;
        exercise.UpdatedAt = Now;
        await db.SaveChangesAsync();
        return Outcome.Ok(await ToDtoAsync(caller, exercise));
    }

    /// <summary>An item of the improvement plan: after execution, until the exercise closes.</summary>
    public async Task<Outcome<ExerciseDto>> AddImprovementAsync(Caller caller, Guid id, ImprovementRequest request)
    {
        if (await PlannedAsync(caller, id) is not { } exercise)
        {
            return Outcome.NotFound<ExerciseDto>();
        }
        if (exercise.Phase is not (ExercisePhase.HotWash or ExercisePhase.AfterActionReport))
        {
            return Outcome.InConflict<ExerciseDto>($"The improvement plan is written after execution; the exercise is in {exercise.Phase}.");
        }
        var errors = new Dictionary<string, string[]>();
        var action = Validate.Text(errors, "correctiveAction", request.CorrectiveAction, 4000, required: true);
        var code = Validate.Text(errors, "objectiveCode", request.ObjectiveCode, 32, required: false);
        var objective = exercise.Objectives.FirstOrDefault(o => string.Equals(o.Code, code, StringComparison.OrdinalIgnoreCase));
        if (code is not null && objective is null)
        {
            errors["objectiveCode"] = [$"No objective of this exercise has the code '{code}'."];
        }
        var dueOn = ExerciseValues.RequireDate(errors, "dueOn", request.DueOn);
        var owner = await AgencyAsync(errors, "ownerAgency", request.OwnerAgency);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<ExerciseDto>(errors);
        }
        db.Add(new ImprovementItem
        {
            Id = Guid.NewGuid(),
            ExerciseId = exercise.Id,
            ObjectiveCode = objective?.Code,
            CorrectiveAction = action!,
            OwnerAgencyId = owner!.Value,
            DueOn = dueOn,
            Status = ImprovementStatus.Open,
        });
        exercise.UpdatedAt = Now;
        await db.SaveChangesAsync();
        return Outcome.Ok(await ToDtoAsync(caller, exercise));
    }

    /// <summary>The status of an improvement item: changed by the organiser's writers or by the writers of the agency that owns the action.</summary>
    public async Task<Outcome<ExerciseDto>> UpdateImprovementAsync(Caller caller, Guid id, Guid itemId, ImprovementStatusRequest request)
    {
        var agencyId = caller.AgencyId;
        var exercise = caller.CanWrite ? await WithDetails(db.Readable<Exercise>(caller)).FirstOrDefaultAsync(e => e.Id == id) : null;
        var item = exercise?.Improvements.FirstOrDefault(i => i.Id == itemId);
        if (exercise is null || item is null || (exercise.OwnerAgencyId != agencyId && item.OwnerAgencyId != agencyId))
        {
            return Outcome.NotFound<ExerciseDto>();
        }
        var errors = new Dictionary<string, string[]>();
        var status = ExerciseValues.Require<ImprovementStatus>(errors, "status", request.Status);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<ExerciseDto>(errors);
        }
        item.Status = status;
        exercise.UpdatedAt = Now;
        await db.SaveChangesAsync();
        return Outcome.Ok(await ToDtoAsync(caller, exercise));
    }

    // ---- access ----

    /// <summary>The exercise with its parts, when the caller is one of the organiser's writers.</summary>
    internal Task<Exercise?> PlannedAsync(Caller caller, Guid id)
        => WithDetails(db.Writable<Exercise>(caller)).FirstOrDefaultAsync(e => e.Id == id);

    /// <summary>The exercise with its parts, when the caller is a writer of the organising or of a participating agency (a controller).</summary>
    internal Task<Exercise?> ControlledAsync(Caller caller, Guid id)
    {
        if (!caller.CanWrite)
        {
            return Task.FromResult<Exercise?>(null);
        }
        var agencyId = caller.AgencyId;
        return WithDetails(db.Readable<Exercise>(caller))
            .Where(e => e.OwnerAgencyId == agencyId || e.Participants.Any(p => p.AgencyId == agencyId))
            .FirstOrDefaultAsync(e => e.Id == id);
    }

    private static IQueryable<Exercise> WithDetails(IQueryable<Exercise> exercises)
        => exercises.Include(e => e.Participants).Include(e => e.Objectives).Include(e => e.Injects)
            .Include(e => e.Decisions).ThenInclude(d => d.Documents).Include(e => e.Improvements).AsSplitQuery();

    // ---- checks ----

    private static ExerciseObjective? CheckObjective(Dictionary<string, string[]> errors, string prefix, ObjectiveRequest request, IEnumerable<string> taken)
    {
        var key = prefix.Length == 0 ? "" : prefix + ".";
        var code = Validate.Text(errors, key + "code", request.Code, 32, required: true);
        var text = Validate.Text(errors, key + "text", request.Text, 2000, required: true);
        if (code is not null && taken.Any(t => string.Equals(t, code, StringComparison.OrdinalIgnoreCase)))
        {
            errors[key + "code"] = [$"The objective code '{code}' is used already in this exercise."];
            return null;
        }
        return code is null || text is null ? null : new ExerciseObjective { Id = Guid.NewGuid(), Code = code, Text = text };
    }

    private static void CheckSimulated(Dictionary<string, string[]> errors, SimulatedEventRequest simulated, Inject inject)
    {
        if (!string.Equals(simulated.Kind?.Trim(), ExerciseReplay.Loitering, StringComparison.OrdinalIgnoreCase))
        {
            errors["simulated.kind"] = [$"The simulated event kind is '{ExerciseReplay.Loitering}' (the only one replayed so far)."];
        }
        if (simulated.Latitude is not { } latitude || !Geo.IsLatitude(latitude))
        {
            errors["simulated.latitude"] = ["A latitude between -90 and 90 is required."];
        }
        if (simulated.Longitude is not { } longitude || !Geo.IsLongitude(longitude))
        {
            errors["simulated.longitude"] = ["A longitude between -180 and 180 is required."];
        }
        if (simulated.DwellMinutes is not (>= 0 and <= 24 * 60))
        {
            errors["simulated.dwellMinutes"] = ["The dwell time is between 0 and 1440 minutes."];
        }
        var label = Validate.Text(errors, "simulated.label", simulated.Label, 128, required: false);
        inject.SimulatedKind = ExerciseReplay.Loitering;
        inject.SimulatedLabel = label;
        inject.SimulatedLatitude = simulated.Latitude;
        inject.SimulatedLongitude = simulated.Longitude;
        inject.SimulatedDwellMinutes = simulated.DwellMinutes;
    }

    /// <summary>The agencies named by code (the organiser excluded: it takes part anyway); unknown codes are reported.</summary>
    private async Task<List<Guid>> ParticipantsAsync(Dictionary<string, string[]> errors, Caller caller, string[]? codes)
    {
        var wanted = (codes ?? []).Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().ToList();
        var found = await db.Set<Agency>().Where(a => wanted.Contains(a.Code)).Select(a => new { a.Id, a.Code }).ToListAsync();
        var unknown = wanted.Except(found.Select(a => a.Code)).ToList();
        if (unknown.Count > 0)
        {
            errors["participants"] = [$"Unknown agency code(s): {string.Join(", ", unknown)}."];
        }
        return found.Select(a => a.Id).Where(a => a != caller.AgencyId).ToList();
    }

    private async Task<Guid?> AgencyAsync(Dictionary<string, string[]> errors, string field, string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            errors[field] = [$"The {field} (an agency code) is required."];
            return null;
        }
        var wanted = code.Trim().ToUpperInvariant();
        var id = await db.Set<Agency>().Where(a => a.Code == wanted).Select(a => (Guid?)a.Id).FirstOrDefaultAsync();
        if (id is null)
        {
            errors[field] = [$"Unknown agency code '{code}'."];
        }
        return id;
    }

    // ---- mapping ----

    internal Task<Dictionary<Guid, string>> AgencyCodesAsync() => db.Set<Agency>().AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code);

    private static List<string> ParticipantCodes(Exercise e, IReadOnlyDictionary<Guid, string> codes)
        => [.. e.Participants.Select(p => codes.GetValueOrDefault(p.AgencyId, "?")).Order(StringComparer.Ordinal)];

    private async Task<ExerciseDto> ToDtoAsync(Caller caller, Exercise e)
    {
        var codes = await AgencyCodesAsync();
        var userIds = e.Decisions.Select(d => d.DecidedByUserId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? "");
        var now = Now;
        var today = Today;
        var agencyId = caller.AgencyId;
        var canPlan = caller.CanWrite && e.OwnerAgencyId == agencyId;
        var canControl = caller.CanWrite && (canPlan || e.Participants.Any(p => p.AgencyId == agencyId));
        return new ExerciseDto(e.Id, e.Name, e.Kind, e.Phase, ExercisePhases.Next(e.Phase), e.Scenario, e.StartsOn, e.EndsOn,
            e.Area is null ? null : Geo.ToJson(e.Area), e.ConsentId, codes.GetValueOrDefault(e.OwnerAgencyId, "?"), ParticipantCodes(e, codes),
            e.ExecutionStartedAt, e.ExecutionEndedAt, e.AarDueAt, e.ImprovementPlanDueAt, e.AarIssuedAt, ExercisePhases.AarOverdue(e, now),
            e.ImprovementPlanDueAt < now && !ExercisePhases.IsOver(e.Phase),
            e.HotWashNotes, e.AarSummary,
            [.. e.Objectives.OrderBy(o => o.Code, StringComparer.Ordinal)
                .Select(o => new ObjectiveDto(o.Id, o.Code, o.Text, o.Result, o.Evidence, o.Strengths, o.AreasForImprovement))],
            [.. e.Injects.OrderBy(i => i.Number).Select(ToDto)],
            [.. e.Decisions.OrderBy(d => d.RecordedAt).Select(d => new DecisionDto(d.Id, d.FromPhase, d.ToPhase, d.DecidedOn, d.Note,
                users.GetValueOrDefault(d.DecidedByUserId, "?"), d.RecordedAt, [.. d.Documents.OrderBy(x => x.Name).Select(x => new DocumentDto(x.Name, x.Url, x.Text))]))],
            [.. e.Improvements.OrderBy(i => i.DueOn).Select(i => new ImprovementDto(i.Id, i.ObjectiveCode, i.CorrectiveAction,
                codes.GetValueOrDefault(i.OwnerAgencyId, "?"), i.DueOn, i.Status,
                i.DueOn < today && i.Status is ImprovementStatus.Open or ImprovementStatus.InProgress, i.LessonId))],
            canPlan, canControl, await markings.DescribeAsync(e));
    }

    private static InjectDto ToDto(Inject i) => new(i.Id, i.Number, i.PlannedAt, i.Sender, i.Receiver, i.Method, i.Content, i.ExpectedAction,
        i.ObjectiveCode, i.Unplanned, i.DeliveredAt, i.ObservedAction, i.Assessment,
        i.SimulatedKind is null ? null : new SimulatedEventDto(i.SimulatedKind, i.SimulatedLabel, i.SimulatedLatitude ?? 0, i.SimulatedLongitude ?? 0,
            i.SimulatedDwellMinutes ?? 0),
        i.ReplayAlertId);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
