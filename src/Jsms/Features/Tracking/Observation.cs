namespace Jsms.Features.Tracking;

/// <summary>One observation of a subject at a place and an event time: a stored position or sighting.</summary>
internal sealed record Observation(string Subject, DateTime Time, double Latitude, double Longitude, string Source, long RecordId, string Via);
