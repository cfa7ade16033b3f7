namespace Jsms.Features.Intelligence;

internal sealed record RfiAnswerDto(Guid Id, string Agency, string AnsweredBy, string Text, DateTime AnsweredAt, IReadOnlyList<string> StixIds);
