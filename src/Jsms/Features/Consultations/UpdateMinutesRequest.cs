namespace Jsms.Features.Consultations;

internal sealed record UpdateMinutesRequest(string? Minutes);
