namespace Jsms.Features.Incidents;

internal sealed record SourceDto(string Name, string? Url, DateOnly? PublishedOn, SourceFormat Format, string? SourceEventId, int? Killed, int? Injured);
