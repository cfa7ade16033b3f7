namespace Jsms.Features.Protection;

internal sealed record CheckpointDto(string? Name, double? Latitude, double? Longitude, DateTime? ExpectedAt);
