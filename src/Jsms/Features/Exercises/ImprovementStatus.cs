namespace Jsms.Features.Exercises;

internal enum ImprovementStatus { Open, InProgress, Done, Cancelled }
