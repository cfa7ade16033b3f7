using Jsms.Features.Alerts;
using Jsms.Platform.Access;
using Jsms.Platform.Database;

namespace Jsms.Features.Exercises;

/// <summary>
/// The one way an exercise raises an alert during play: the title starts with <see cref="Banner"/>, the detail with
/// <see cref="DetailFlag"/>, the kind with <c>exercise.</c> and the evidence says <c>exercise: true</c>; the audience is
/// the organiser (owner) and the participating agencies (release-to) at AMBER, never wider, so partners outside the
/// exercise do not see it at all.
/// </summary>
internal static class ExerciseAlerts
{
    public const string Banner = "EXERCISE EXERCISE EXERCISE";

    public const string DetailFlag = "[EXERCISE] Not a real event.";

    public const string KindPrefix = "exercise.";

    public static Alert Raise(JsmsDbContext db, Exercise exercise, string kind, AlertSeverity severity, string title, string detail,
        DateTime now, Guid raisedByUserId, object evidence, double? latitude = null, double? longitude = null, string? subjectLabel = null)
    {
        var draft = new AlertDraft(KindPrefix + kind, severity, $"{Banner}: {title}", now)
        {
            Detail = $"{DetailFlag} {detail}",
            SubjectType = nameof(Exercise),
            SubjectId = exercise.Id,
            SubjectLabel = subjectLabel,
            Latitude = latitude,
            Longitude = longitude,
            Evidence = new { exercise = true, exerciseId = exercise.Id, play = evidence },
        };
        var audience = new AlertAudience(exercise.OwnerAgencyId, Tlp.Amber, raisedByUserId,
            exercise.Participants.Select(p => p.AgencyId).Where(a => a != exercise.OwnerAgencyId).ToList(), []);
        return db.Raise(draft, audience, [new AlertInput(exercise, "exercise")]);
    }
}
