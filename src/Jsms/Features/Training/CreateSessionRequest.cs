namespace Jsms.Features.Training;

internal sealed record CreateSessionRequest(string? StartsOn, string? EndsOn, string? Place, string[]? Facilitators);
