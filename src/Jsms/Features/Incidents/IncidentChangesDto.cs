namespace Jsms.Features.Incidents;

/// <summary>A page of the change feed, oldest change first; <see cref="NextSince"/> and <see cref="NextAfter"/> ask for the next page (null: none).</summary>
internal sealed record IncidentChangesDto(IReadOnlyList<IncidentChangeDto> Items, DateTime? NextSince, Guid? NextAfter);
