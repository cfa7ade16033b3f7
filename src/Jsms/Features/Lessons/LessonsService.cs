using Jsms.Features.Exercises;
using Jsms.Features.Incidents;
using Jsms.Features.Operations;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Jsms.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Lessons;

/// <summary>
/// The use cases of lessons learned, shared by the API and the pages. Every query starts from the access policy: a
/// partner reads a lesson only if it was released to it. The owner agency's writers move a lesson along
/// (<see cref="LessonStages"/>); the writers of the action body also report the remedial action's status.
/// </summary>
internal sealed class LessonsService(JsmsDbContext db, ReleaseMarkings markings, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(Now);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<List<LessonDto>>> ListAsync(Caller caller, string? stage, Guid? exerciseId)
    {
        var lessons = db.Readable<Lesson>(caller).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(stage))
        {
            if (!ExerciseValues.TryParse<LessonStage>(stage, out var wanted))
            {
                return Outcome.Invalid<List<LessonDto>>(new() { ["stage"] = [$"Unknown stage '{stage}': use one of {ExerciseValues.Choices<LessonStage>()}."] });
            }
            lessons = lessons.Where(l => l.Stage == wanted);
        }
        if (exerciseId is { } id)
        {
            lessons = lessons.Where(l => l.ExerciseId == id);
        }
        var rows = await lessons.OrderByDescending(l => l.ObservedOn).ThenBy(l => l.Title).Take(1000).ToListAsync();
        return Outcome.Ok(await ToDtosAsync(caller, rows));
    }

    public async Task<LessonDto?> GetAsync(Caller caller, Guid id)
        => await db.Readable<Lesson>(caller).AsNoTracking().FirstOrDefaultAsync(l => l.Id == id) is { } lesson
            ? (await ToDtosAsync(caller, [lesson]))[0]
            : null;

    public async Task<LessonBoardDto> BoardAsync(Caller caller)
    {
        var today = Today;
        var rows = await db.Readable<Lesson>(caller).AsNoTracking()
            .Where(l => l.Stage == LessonStage.RemedialAction && l.ActionStatus != ActionStatus.Done).ToListAsync();
        var dtos = await ToDtosAsync(caller, rows);
        var groups = dtos.GroupBy(d => d.ActionAgency ?? "?")
            .Select(g => new BoardAgencyDto(g.Key, g.Count(), g.Count(d => d.Overdue),
                [.. g.OrderByDescending(d => d.Overdue).ThenBy(d => d.ActionDueOn).ThenBy(d => d.Title, StringComparer.CurrentCulture)]))
            .OrderByDescending(g => g.Overdue).ThenBy(g => g.Agency, StringComparer.Ordinal).ToList();
        return new LessonBoardDto(today, groups);
    }

    public async Task<Outcome<LessonDto>> CreateAsync(Caller caller, CreateObservationRequest request)
    {
        if (!caller.CanWrite)
        {
            return Outcome.NotFound<LessonDto>();
        }
        var errors = new Dictionary<string, string[]>();
        var title = Validate.Text(errors, "title", request.Title, 300, required: true);
        var observation = Validate.Text(errors, "observation", request.Observation, 8000, required: true);
        var observedOn = Today;
        if (!string.IsNullOrWhiteSpace(request.ObservedOn) && !ExerciseValues.TryParseDate(request.ObservedOn, out observedOn))
        {
            errors["observedOn"] = [$"'{request.ObservedOn}' is not a valid date: write yyyy-MM-dd."];
        }
        else if (observedOn > Today)
        {
            errors["observedOn"] = ["An observation cannot be dated in the future."];
        }
        if (new[] { request.ExerciseId, request.OperationId, request.IncidentId }.Count(x => x is not null) > 1)
        {
            errors["exerciseId"] = ["An observation comes from one exercise, one operation or one incident: give at most one."];
        }
        var (marking, markingErrors) = await markings.ResolveAsync(request.Marking);
        Validate.Merge(errors, markingErrors);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<LessonDto>(errors);
        }
        // Where it was observed must be a record the caller may read, whichever of the three it is.
        References.Ensure([
            .. await db.MissingAsync<Exercise>(caller, "exerciseId", request.ExerciseId),
            .. await db.MissingAsync<JointOperation>(caller, "operationId", request.OperationId),
            .. await db.MissingAsync<Incident>(caller, "incidentId", request.IncidentId),
        ]);
        var now = Now;
        var lesson = new Lesson
        {
            Id = Guid.NewGuid(),
            Stage = LessonStage.Observation,
            Title = title!,
            Observation = observation!,
            ObservedOn = observedOn,
            ExerciseId = request.ExerciseId,
            OperationId = request.OperationId,
            IncidentId = request.IncidentId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        markings.ApplyToNew(lesson, marking!, caller);
        db.Add(lesson);
        await db.SaveChangesAsync();
        return Outcome.Ok((await ToDtosAsync(caller, [lesson]))[0]);
    }

    /// <summary>
    /// Turns an item of an exercise's improvement plan into an observation (once), owned by the caller's agency (the
    /// organiser's) and, unless the request says otherwise, released like the exercise to its participating agencies.
    /// </summary>
    public async Task<Outcome<LessonDto>> FromImprovementAsync(Caller caller, LessonFromImprovementRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.ExerciseId is null)
        {
            errors["exerciseId"] = ["The exercise is required."];
        }
        if (request.ItemId is null)
        {
            errors["itemId"] = ["The improvement item is required."];
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid<LessonDto>(errors);
        }
        var exercise = await db.Writable<Exercise>(caller).Include(e => e.Participants).Include(e => e.Improvements)
            .FirstOrDefaultAsync(e => e.Id == request.ExerciseId);
        if (exercise?.Improvements.FirstOrDefault(i => i.Id == request.ItemId) is not { } item)
        {
            return Outcome.NotFound<LessonDto>();
        }
        if (item.LessonId is not null)
        {
            return Outcome.InConflict<LessonDto>("This improvement item was turned into an observation already.");
        }
        var codes = await db.Set<Agency>().AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code);
        var (marking, markingErrors) = await markings.ResolveAsync(request.Marking
            ?? new MarkingInput(exercise.Tlp.Label(), [.. exercise.Participants.Select(p => codes[p.AgencyId])], null));
        if (marking is null)
        {
            return Outcome.Invalid<LessonDto>(markingErrors);
        }
        var now = Now;
        var lesson = new Lesson
        {
            Id = Guid.NewGuid(),
            Stage = LessonStage.Observation,
            Title = Shorten($"{exercise.Name}: {item.CorrectiveAction}", 300),
            Observation = $"Improvement plan of exercise '{exercise.Name}'" + (item.ObjectiveCode is null ? "" : $", objective {item.ObjectiveCode}")
                          + $": {item.CorrectiveAction} (owner {codes.GetValueOrDefault(item.OwnerAgencyId, "?")}, due {item.DueOn:yyyy-MM-dd}).",
            ObservedOn = Today,
            ExerciseId = exercise.Id,
            ImprovementItemId = item.Id,
            CreatedAt = now,
            UpdatedAt = now,
        };
        lesson.Observation = Shorten(lesson.Observation, 8000);
        markings.ApplyToNew(lesson, marking, caller);
        item.LessonId = lesson.Id;
        db.Add(lesson);
        await db.SaveChangesAsync();
        return Outcome.Ok((await ToDtosAsync(caller, [lesson]))[0]);
    }

    public async Task<Outcome<LessonDto>> IdentifyAsync(Caller caller, Guid id, IdentifyLessonRequest request)
    {
        if (await db.Writable<Lesson>(caller).FirstOrDefaultAsync(l => l.Id == id) is not { } lesson)
        {
            return Outcome.NotFound<LessonDto>();
        }
        var errors = new Dictionary<string, string[]>();
        var analysis = Validate.Text(errors, "analysis", request.Analysis, 8000, required: true);
        var rootCause = Validate.Text(errors, "rootCause", request.RootCause, 4000, required: true);
        return await MoveAsync(caller, lesson, LessonStage.LessonIdentified, errors, () =>
        {
            lesson.Analysis = analysis;
            lesson.RootCause = rootCause;
            lesson.IdentifiedAt = Now;
        });
    }

    public async Task<Outcome<LessonDto>> AssignActionAsync(Caller caller, Guid id, AssignActionRequest request)
    {
        if (await db.Writable<Lesson>(caller).FirstOrDefaultAsync(l => l.Id == id) is not { } lesson)
        {
            return Outcome.NotFound<LessonDto>();
        }
        var errors = new Dictionary<string, string[]>();
        var action = Validate.Text(errors, "action", request.Action, 4000, required: true);
        var dueOn = ExerciseValues.RequireDate(errors, "dueOn", request.DueOn);
        Guid? agency = null;
        if (string.IsNullOrWhiteSpace(request.ActionAgency))
        {
            errors["actionAgency"] = ["The action body (an agency code) is required."];
        }
        else
        {
            var code = request.ActionAgency.Trim().ToUpperInvariant();
            agency = await db.Set<Agency>().Where(a => a.Code == code).Select(a => (Guid?)a.Id).FirstOrDefaultAsync();
            if (agency is null)
            {
                errors["actionAgency"] = [$"Unknown agency code '{request.ActionAgency}'."];
            }
        }
        return await MoveAsync(caller, lesson, LessonStage.RemedialAction, errors, () =>
        {
            lesson.Action = action;
            lesson.ActionAgencyId = agency;
            lesson.ActionDueOn = dueOn;
            lesson.ActionStatus = ActionStatus.Open;
            lesson.ActionAssignedAt = Now;
        });
    }

    /// <summary>The remedial action's status: reported by the owner's writers or by the action body's writers (who must be able to read the lesson).</summary>
    public async Task<Outcome<LessonDto>> UpdateActionAsync(Caller caller, Guid id, ActionStatusRequest request)
    {
        var agencyId = caller.AgencyId;
        var lesson = caller.CanWrite
            ? await db.Readable<Lesson>(caller).Where(l => l.OwnerAgencyId == agencyId || l.ActionAgencyId == agencyId).FirstOrDefaultAsync(l => l.Id == id)
            : null;
        if (lesson is null)
        {
            return Outcome.NotFound<LessonDto>();
        }
        if (lesson.Stage != LessonStage.RemedialAction)
        {
            return Outcome.InConflict<LessonDto>($"Only an assigned remedial action has a status to report; the lesson is at {lesson.Stage}.");
        }
        var errors = new Dictionary<string, string[]>();
        var status = ExerciseValues.Require<ActionStatus>(errors, "status", request.Status);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<LessonDto>(errors);
        }
        lesson.ActionStatus = status;
        lesson.UpdatedAt = Now;
        await db.SaveChangesAsync();
        return Outcome.Ok((await ToDtosAsync(caller, [lesson]))[0]);
    }

    /// <summary>Validates the lesson as learned, optionally by an objective met in an exercise the caller may read (404 naming objectiveId otherwise).</summary>
    public async Task<Outcome<LessonDto>> ValidateAsync(Caller caller, Guid id, ValidateLessonRequest request)
    {
        if (await db.Writable<Lesson>(caller).FirstOrDefaultAsync(l => l.Id == id) is not { } lesson)
        {
            return Outcome.NotFound<LessonDto>();
        }
        var errors = new Dictionary<string, string[]>();
        var note = Validate.Text(errors, "validationNote", request.ValidationNote, 4000, required: true);
        if (request.ObjectiveId is { } objectiveId)
        {
            var objective = await db.Readable<Exercise>(caller).AsNoTracking().SelectMany(e => e.Objectives).FirstOrDefaultAsync(o => o.Id == objectiveId);
            if (objective is null)
            {
                throw new UnreadableReferenceException(["objectiveId"]);
            }
            if (objective.Result != ObjectiveResult.Met)
            {
                errors["objectiveId"] = [$"Objective {objective.Code} was not recorded as met: it cannot validate the lesson."];
            }
        }
        return await MoveAsync(caller, lesson, LessonStage.LessonLearned, errors, () =>
        {
            lesson.ValidationNote = note;
            lesson.ValidatedByObjectiveId = request.ObjectiveId;
            lesson.LearnedAt = Now;
        });
    }

    private async Task<Outcome<LessonDto>> MoveAsync(Caller caller, Lesson lesson, LessonStage to, Dictionary<string, string[]> errors, Action apply)
    {
        if (errors.Count > 0)
        {
            return Outcome.Invalid<LessonDto>(errors);
        }
        if (LessonStages.Refusal(lesson, to) is { } why)
        {
            return Outcome.InConflict<LessonDto>(why);
        }
        apply();
        lesson.Stage = to;
        lesson.UpdatedAt = Now;
        await db.SaveChangesAsync();
        return Outcome.Ok((await ToDtosAsync(caller, [lesson]))[0]);
    }

    private async Task<List<LessonDto>> ToDtosAsync(Caller caller, IReadOnlyList<Lesson> lessons)
    {
        var marks = await markings.DescribeAsync(lessons.Select(l => (l.Id, l.OwnerAgencyId, l.Tlp)).ToList());
        var codes = await db.Set<Agency>().AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code);
        var userIds = lessons.Select(l => l.CreatedByUserId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? "");
        var today = Today;
        var agencyId = caller.AgencyId;
        return lessons.Select(l => new LessonDto(l.Id, l.Stage, l.Title, l.Observation, l.ObservedOn, users.GetValueOrDefault(l.CreatedByUserId, "?"),
            l.ExerciseId, l.OperationId, l.IncidentId, l.ImprovementItemId, l.Analysis, l.RootCause, l.IdentifiedAt,
            l.Action, l.ActionAgencyId is { } a ? codes.GetValueOrDefault(a, "?") : null, l.ActionDueOn, l.ActionStatus, LessonStages.IsOverdue(l, today),
            l.ActionAssignedAt, l.ValidationNote, l.ValidatedByObjectiveId, l.LearnedAt,
            caller.CanWrite && l.OwnerAgencyId == agencyId,
            caller.CanWrite && LessonStages.IsOpenAction(l) && (l.OwnerAgencyId == agencyId || l.ActionAgencyId == agencyId),
            marks[l.Id])).ToList();
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
