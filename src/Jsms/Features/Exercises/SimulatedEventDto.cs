namespace Jsms.Features.Exercises;

internal sealed record SimulatedEventDto(string Kind, string? Label, double Latitude, double Longitude, int DwellMinutes);
