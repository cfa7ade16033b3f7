namespace Jsms.Features.Intelligence;

/// <summary>An object: its readable versions (newest first) and the readable relationships and sightings from or to it.</summary>
internal sealed record StixObjectDetail(string Id, string Type, IReadOnlyList<StixVersionDto> Versions, IReadOnlyList<StixObjectSummary> Relationships);
