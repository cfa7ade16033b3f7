namespace Jsms.Features.Lessons;

internal sealed record ValidateLessonRequest(string? ValidationNote, Guid? ObjectiveId);
