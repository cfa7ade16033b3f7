namespace Jsms.Features.Alerts;

internal sealed record AlertEventDto(string User, string Action, string? From, string? To, DateTime At);
