namespace Jsms.Features.Training;

internal sealed record SessionDto(Guid Id, Guid CourseId, string Course, DateOnly StartsOn, DateOnly EndsOn, string Place,
    IReadOnlyList<string> Facilitators, int Enrolled, IReadOnlyList<EnrolmentDto>? Enrolments = null);
