namespace Jsms.Features.Exercises;

internal enum ExerciseKind { TableTop, CommandPost, Field, Maritime }
