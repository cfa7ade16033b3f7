namespace Jsms.Features.Exercises;

/// <summary>The phases of exercise planning, in order (<see cref="ExercisePhases"/> enforces it); Cancelled ends any phase.</summary>
internal enum ExercisePhase
{
    Concept,
    InitialPlanningConference,
    MainPlanningConference,
    FinalPlanningConference,
    Execution,
    HotWash,
    AfterActionReport,
    Closed,
    Cancelled,
}
