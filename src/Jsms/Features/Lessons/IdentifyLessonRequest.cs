namespace Jsms.Features.Lessons;

internal sealed record IdentifyLessonRequest(string? Analysis, string? RootCause);
