using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Jsms.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Exercises;

/// <summary>
/// Planning an exercise and writing up its results, for the organising agency's writers (<see cref="ExercisesService.PlannedAsync"/>):
/// objectives and their assessment, phase decisions (<see cref="ExercisePhases"/>), the hot wash and after-action report, and
/// the improvement plan (whose items the agency owning the action may update too). Anything else answers 404, and a change
/// the phase does not allow answers 409 with the reason.
/// </summary>
internal sealed class ExercisePlanning(JsmsDbContext db, ExercisesService exercises)
{
    public async Task<Outcome<ExerciseDto>> AddObjectiveAsync(Caller caller, Guid id, ObjectiveRequest request)
    {
        if (await exercises.PlannedAsync(caller, id) is not { } exercise)
        {
            return Outcome.NotFound<ExerciseDto>();
        }
        if (exercise.Phase >= ExercisePhase.Execution)
        {
            return Outcome.InConflict<ExerciseDto>($"Objectives are set before execution; the exercise is in {exercise.Phase}.");
        }
        var errors = new Dictionary<string, string[]>();
        if (ExercisesService.CheckObjective(errors, "", request, exercise.Objectives.Select(o => o.Code)) is not { } objective)
        {
            return Outcome.Invalid<ExerciseDto>(errors);
        }
        objective.ExerciseId = exercise.Id;
        db.Add(objective);
        exercise.UpdatedAt = exercises.Now;
        await db.SaveChangesAsync();
        return Outcome.Ok(await exercises.ToDtoAsync(caller, exercise));
    }

    /// <summary>The result of an objective with its evidence, strengths and areas for improvement: from execution until the exercise closes.</summary>
    public async Task<Outcome<ExerciseDto>> AssessObjectiveAsync(Caller caller, Guid id, Guid objectiveId, ObjectiveResultRequest request)
    {
        if (await exercises.PlannedAsync(caller, id) is not { } exercise || exercise.Objectives.FirstOrDefault(o => o.Id == objectiveId) is not { } objective)
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
        exercise.UpdatedAt = exercises.Now;
        await db.SaveChangesAsync();
        return Outcome.Ok(await exercises.ToDtoAsync(caller, exercise));
    }

    /// <summary>Moves the exercise to its next phase (or cancels it) under <see cref="ExercisePhases"/>, recording the dated decision.</summary>
    public async Task<Outcome<ExerciseDto>> MovePhaseAsync(Caller caller, Guid id, PhaseRequest request)
    {
        if (await exercises.PlannedAsync(caller, id) is not { } exercise)
        {
            return Outcome.NotFound<ExerciseDto>();
        }
        var errors = new Dictionary<string, string[]>();
        var to = ExerciseValues.Require<ExercisePhase>(errors, "to", request.To);
        var decidedOn = exercises.Today;
        if (!string.IsNullOrWhiteSpace(request.DecidedOn) && !ExerciseValues.TryParseDate(request.DecidedOn, out decidedOn))
        {
            errors["decidedOn"] = [$"'{request.DecidedOn}' is not a valid date: write yyyy-MM-dd."];
        }
        else if (decidedOn > exercises.Today)
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
        if (ExercisePhases.Refusal(exercise, to, exercises.Today) is { } why)
        {
            return Outcome.InConflict<ExerciseDto>(why);
        }
        var now = exercises.Now;
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
        return Outcome.Ok(await exercises.ToDtoAsync(caller, exercise));
    }

    /// <summary>The hot wash notes and the report's summary: written in the HotWash and AfterActionReport phases.</summary>
    public async Task<Outcome<ExerciseDto>> UpdateAarAsync(Caller caller, Guid id, AarRequest request)
    {
        if (await exercises.PlannedAsync(caller, id) is not { } exercise)
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
        exercise.UpdatedAt = exercises.Now;
        await db.SaveChangesAsync();
        return Outcome.Ok(await exercises.ToDtoAsync(caller, exercise));
    }

    /// <summary>An item of the improvement plan: after execution, until the exercise closes.</summary>
    public async Task<Outcome<ExerciseDto>> AddImprovementAsync(Caller caller, Guid id, ImprovementRequest request)
    {
        if (await exercises.PlannedAsync(caller, id) is not { } exercise)
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
        exercise.UpdatedAt = exercises.Now;
        await db.SaveChangesAsync();
        return Outcome.Ok(await exercises.ToDtoAsync(caller, exercise));
    }

    /// <summary>The status of an improvement item: changed by the organiser's writers or by the writers of the agency that owns the action.</summary>
    public async Task<Outcome<ExerciseDto>> UpdateImprovementAsync(Caller caller, Guid id, Guid itemId, ImprovementStatusRequest request)
    {
        var agencyId = caller.AgencyId;
        var exercise = caller.CanWrite ? await ExercisesService.WithDetails(db.Readable<Exercise>(caller)).FirstOrDefaultAsync(e => e.Id == id) : null;
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
        exercise.UpdatedAt = exercises.Now;
        await db.SaveChangesAsync();
        return Outcome.Ok(await exercises.ToDtoAsync(caller, exercise));
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
}
