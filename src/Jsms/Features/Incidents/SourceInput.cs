namespace Jsms.Features.Incidents;

/// <summary>A source as clients write it; <see cref="Format"/> defaults to Manual.</summary>
internal sealed record SourceInput(string? Name, string? Url, DateOnly? PublishedOn, SourceFormat? Format, string? SourceEventId,
    int? Killed, int? Injured);
