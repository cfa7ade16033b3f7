namespace Jsms.Features.Lessons;

internal sealed record BoardAgencyDto(string Agency, int Open, int Overdue, IReadOnlyList<LessonDto> Actions);
