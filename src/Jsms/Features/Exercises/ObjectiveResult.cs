namespace Jsms.Features.Exercises;

/// <summary>How far an objective, or the player action an inject expected, was achieved.</summary>
internal enum ObjectiveResult { Met, PartiallyMet, NotMet }
