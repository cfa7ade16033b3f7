using Jsms.Platform.Access;

namespace Jsms.Features.Lessons;

internal sealed record LessonFromImprovementRequest(Guid? ExerciseId, Guid? ItemId, MarkingInput? Marking);
