using Jsms.Platform.Access;

namespace Jsms.Features.Tracking;

internal sealed record DeviceRequest(string? UniqueId, string? Name, string? Kind, string? Subject, MarkingInput? Marking);
