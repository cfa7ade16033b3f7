namespace Jsms.Features.Incidents;

/// <summary>
/// One event of an imported file as the register writes it: the data set's event id and the incident as a request of the
/// register (<see cref="IncidentRequest"/>, so the same checks and the same <see cref="IncidentInput.Apply"/> write it).
/// Its first source is the data set's record of the event, carrying the event id and the data set's own type labels.
/// </summary>
internal sealed record ImportedEvent(int Line, string EventId, IncidentRequest Request);
