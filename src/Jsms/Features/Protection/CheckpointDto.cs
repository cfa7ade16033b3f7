using Jsms.Features.Audit;
using System.Text.Json;
using Jsms.Features.Access;

namespace Jsms.Features.Protection;

internal sealed record CheckpointDto(string? Name, double? Latitude, double? Longitude, DateTime? ExpectedAt);
