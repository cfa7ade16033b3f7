namespace Jsms.Features.Incidents;

/// <summary>Which of the caller's agency's incidents to put in the intelligence collection <see cref="CollectionId"/>.</summary>
internal sealed record ShareIncidentsRequest(Guid CollectionId, DateOnly? From, DateOnly? To, string? Country);
