using Jsms.Platform.Access;

namespace Jsms.Features.Tracking;

internal sealed record SensorRequest(string? Code, string? Name, string? Kind, double? Latitude, double? Longitude, MarkingInput? Marking);
