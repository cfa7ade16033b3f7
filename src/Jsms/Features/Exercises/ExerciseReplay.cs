using System.Globalization;
using Jsms.Features.Alerts;
using Jsms.Features.Protection;
using Jsms.Platform.Access;
using Jsms.Platform.Database;

namespace Jsms.Features.Exercises;

/// <summary>
/// Plays an inject's simulated event on the exercise copy: the simulated contact is judged against the exercise's own
/// area and a fixed loitering threshold, and an alert is raised only through <see cref="ExerciseAlerts"/> (marked as
/// exercise, audience limited to the exercise's agencies). Nothing here reads or writes the tracking engine's state
/// (positions, devices, sites, its in-memory dwell timers): a drill cannot disturb live tracking, and live tracking
/// cannot pick the drill up as a real sighting.
/// </summary>
internal static class ExerciseReplay
{
    public const string Loitering = "loitering";

    /// <summary>A contact that stays this long raises the exercise alert (the default threshold of a site).</summary>
    public const int LoiteringMinutes = 10;

    public static ReplayResultDto Play(JsmsDbContext db, Exercise exercise, Inject inject, Caller caller, DateTime now)
    {
        var latitude = inject.SimulatedLatitude ?? 0;
        var longitude = inject.SimulatedLongitude ?? 0;
        var dwell = inject.SimulatedDwellMinutes ?? 0;
        var label = inject.SimulatedLabel ?? $"contact of inject {inject.Number}";
        inject.DeliveredAt ??= now;
        inject.MarkedByUserId = caller.UserId;
        if (exercise.Area is { } area && Geo.DistanceMetres(area, latitude, longitude) > 0)
        {
            return new ReplayResultDto(inject.Id, false, null, "The simulated position lies outside the exercise area: no alert.");
        }
        if (dwell < LoiteringMinutes)
        {
            return new ReplayResultDto(inject.Id, false, null,
                string.Create(CultureInfo.InvariantCulture, $"The simulated contact stayed {dwell} min, under the {LoiteringMinutes} min loitering threshold: no alert."));
        }
        var alert = ExerciseAlerts.Raise(db, exercise, Loitering, AlertSeverity.High,
            string.Create(CultureInfo.InvariantCulture, $"Loitering: {label} for {dwell} min in the area of {exercise.Name}"),
            string.Create(CultureInfo.InvariantCulture, $"Simulated by inject {inject.Number} of exercise '{exercise.Name}' at {latitude:0.#####}, {longitude:0.#####}."),
            now, caller.UserId,
            new { injectId = inject.Id, injectNumber = inject.Number, dwellMinutes = dwell, latitude, longitude },
            latitude, longitude, label);
        inject.ReplayAlertId = alert.Id;
        db.Audit("replay", nameof(Exercise), exercise.Id, $"inject {inject.Number}, alert {alert.Id}");
        return new ReplayResultDto(inject.Id, true, alert.Id, "Exercise alert raised for the exercise's agencies only.");
    }
}
