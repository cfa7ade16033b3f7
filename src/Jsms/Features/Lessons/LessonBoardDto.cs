namespace Jsms.Features.Lessons;

/// <summary>Open remedial actions the caller may read, by action body (agency), the agencies with overdue actions first.</summary>
internal sealed record LessonBoardDto(DateOnly Today, IReadOnlyList<BoardAgencyDto> Agencies);
