namespace Jsms.Features.Lessons;

internal sealed record AssignActionRequest(string? Action, string? ActionAgency, string? DueOn);
