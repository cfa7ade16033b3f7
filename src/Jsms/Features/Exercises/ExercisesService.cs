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
/// Exercises as records, shared by the API and the pages: the list, one exercise with its parts, a new exercise, and the
/// access and mapping the other jobs share (planning: <see cref="ExercisePlanning"/>; control: <see cref="ExerciseControl"/>).
/// Who may do what:
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

    internal static IQueryable<Exercise> WithDetails(IQueryable<Exercise> exercises)
        => exercises.Include(e => e.Participants).Include(e => e.Objectives).Include(e => e.Injects)
            .Include(e => e.Decisions).ThenInclude(d => d.Documents).Include(e => e.Improvements).AsSplitQuery();

    // ---- checks ----

    internal static ExerciseObjective? CheckObjective(Dictionary<string, string[]> errors, string prefix, ObjectiveRequest request, IEnumerable<string> taken)
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

    // ---- mapping ----

    internal Task<Dictionary<Guid, string>> AgencyCodesAsync() => db.Set<Agency>().AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code);

    private static List<string> ParticipantCodes(Exercise e, IReadOnlyDictionary<Guid, string> codes)
        => [.. e.Participants.Select(p => codes.GetValueOrDefault(p.AgencyId, "?")).Order(StringComparer.Ordinal)];

    internal async Task<ExerciseDto> ToDtoAsync(Caller caller, Exercise e)
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
