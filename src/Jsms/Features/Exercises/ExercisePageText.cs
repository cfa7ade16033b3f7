namespace Jsms.Features.Exercises;

/// <summary>Display names of the exercise values on the pages.</summary>
internal static class ExercisePageText
{
    public static string Phase(ExercisePhase phase) => phase switch
    {
        ExercisePhase.InitialPlanningConference => "Initial planning conference",
        ExercisePhase.MainPlanningConference => "Main planning conference",
        ExercisePhase.FinalPlanningConference => "Final planning conference",
        ExercisePhase.HotWash => "Hot wash",
        ExercisePhase.AfterActionReport => "After-action report",
        _ => phase.ToString(),
    };

    public static string Kind(ExerciseKind kind) => kind switch
    {
        ExerciseKind.TableTop => "Table-top",
        ExerciseKind.CommandPost => "Command-post",
        _ => kind.ToString(),
    };

    public static string Result(ObjectiveResult? result) => result switch
    {
        ObjectiveResult.Met => "Met",
        ObjectiveResult.PartiallyMet => "Partially met",
        ObjectiveResult.NotMet => "Not met",
        _ => "—",
    };

    public static string ResultBadge(ObjectiveResult? result) => result switch
    {
        ObjectiveResult.Met => "badge ok",
        ObjectiveResult.PartiallyMet => "badge warn",
        ObjectiveResult.NotMet => "badge danger",
        _ => "badge",
    };
}
