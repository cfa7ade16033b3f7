namespace Jsms.Features.Exercises;

/// <summary>
/// The phase rules, in one place: forward one phase at a time (or cancelled from any open phase); execution starts
/// no earlier than the start date and only with at least one objective and one inject; leaving execution sets the
/// after-action report's deadline (about 30 days) and the improvement plan's (about 60 days).
/// </summary>
internal static class ExercisePhases
{
    public static readonly TimeSpan AarDue = TimeSpan.FromDays(30);

    public static readonly TimeSpan ImprovementPlanDue = TimeSpan.FromDays(60);

    public static string Choices { get; } = string.Join(", ", Enum.GetNames<ExercisePhase>());

    public static bool IsOver(ExercisePhase phase) => phase is ExercisePhase.Closed or ExercisePhase.Cancelled;

    /// <summary>The phase after this one, or null at the end.</summary>
    public static ExercisePhase? Next(ExercisePhase phase) => phase switch
    {
        ExercisePhase.Closed or ExercisePhase.Cancelled => null,
        _ => phase + 1,
    };

    /// <summary>Why the exercise may not move to <paramref name="to"/> now (409), or null when it may.</summary>
    public static string? Refusal(Exercise exercise, ExercisePhase to, DateOnly today)
    {
        if (IsOver(exercise.Phase))
        {
            return $"The exercise is {exercise.Phase}: its phases are over.";
        }
        if (to == ExercisePhase.Cancelled)
        {
            return null;
        }
        var next = Next(exercise.Phase);
        if (to != next)
        {
            return $"An exercise moves forward one phase at a time: from {exercise.Phase} the next phase is {next}, not {to}.";
        }
        if (to == ExercisePhase.Execution)
        {
            if (today < exercise.StartsOn)
            {
                return $"Execution cannot start before the start date ({exercise.StartsOn:yyyy-MM-dd}).";
            }
            if (exercise.Objectives.Count == 0 || exercise.Injects.Count == 0)
            {
                return "Execution needs at least one objective and one inject in the MSEL.";
            }
        }
        return null;
    }

    /// <summary>Moves the exercise (already checked by <see cref="Refusal"/>) and sets what the new phase starts.</summary>
    public static void Enter(Exercise exercise, ExercisePhase to, DateTime now)
    {
        switch (to)
        {
            case ExercisePhase.Execution:
                exercise.ExecutionStartedAt = now;
                break;
            case ExercisePhase.HotWash:
                exercise.ExecutionEndedAt = now;
                exercise.AarDueAt = now + AarDue;
                exercise.ImprovementPlanDueAt = now + ImprovementPlanDue;
                break;
            case ExercisePhase.Closed:
                exercise.AarIssuedAt = now;
                break;
        }
        exercise.Phase = to;
        exercise.UpdatedAt = now;
    }

    /// <summary>The after-action report is late: past its deadline and not issued, on an exercise not cancelled.</summary>
    public static bool AarOverdue(Exercise exercise, DateTime now)
        => exercise.AarDueAt < now && exercise.AarIssuedAt == null && exercise.Phase != ExercisePhase.Cancelled;
}
