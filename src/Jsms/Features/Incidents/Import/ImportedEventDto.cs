namespace Jsms.Features.Incidents;

/// <summary>An event of the file by the data set's id, its line, and the incident that holds it.</summary>
internal sealed record ImportedEventDto(string EventId, int Line, Guid IncidentId);
