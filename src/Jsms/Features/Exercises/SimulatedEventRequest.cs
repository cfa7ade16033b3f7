namespace Jsms.Features.Exercises;

internal sealed record SimulatedEventRequest(string? Kind, string? Label, double? Latitude, double? Longitude, int? DwellMinutes);
