using Jsms.Features.Protection;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Web;

namespace Jsms.Features.Exercises;

/// <summary>
/// Controlling an exercise's master scenario events list: injects planned by the organiser before execution, added
/// unplanned, marked and replayed by a controller (a writer of the organising or a participating agency,
/// <see cref="ExercisesService.ControlledAsync"/>) during execution. Anything else answers 404, and a change the phase
/// does not allow answers 409 with the reason.
/// </summary>
internal sealed class ExerciseControl(JsmsDbContext db, ExercisesService exercises)
{
    /// <summary>
    /// Before execution the organiser plans injects; during execution a controller adds unplanned ones; afterwards
    /// the MSEL is closed (409).
    /// </summary>
    public async Task<Outcome<ExerciseDto>> AddInjectAsync(Caller caller, Guid id, InjectRequest request)
    {
        var exercise = await exercises.ControlledAsync(caller, id);
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
        exercise.UpdatedAt = exercises.Now;
        await db.SaveChangesAsync();
        return Outcome.Ok(await exercises.ToDtoAsync(caller, exercise));
    }

    /// <summary>A controller marks an inject delivered, the player action observed and its assessment: during execution only.</summary>
    public async Task<Outcome<ExerciseDto>> MarkInjectAsync(Caller caller, Guid id, Guid injectId, MarkInjectRequest request)
    {
        if (await exercises.ControlledAsync(caller, id) is not { } exercise || exercise.Injects.FirstOrDefault(i => i.Id == injectId) is not { } inject)
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
        var now = exercises.Now;
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
        return Outcome.Ok(await exercises.ToDtoAsync(caller, exercise));
    }

    /// <summary>Plays an inject's simulated event on the exercise copy (<see cref="ExerciseReplay"/>): during execution only, once.</summary>
    public async Task<Outcome<ReplayResultDto>> ReplayAsync(Caller caller, Guid id, Guid injectId)
    {
        if (await exercises.ControlledAsync(caller, id) is not { } exercise || exercise.Injects.FirstOrDefault(i => i.Id == injectId) is not { } inject)
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
        var result = ExerciseReplay.Play(db, exercise, inject, caller, exercises.Now);
        await db.SaveChangesAsync();
        return Outcome.Ok(result);
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
}
