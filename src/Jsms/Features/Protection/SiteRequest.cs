using System.Text.Json;
using Jsms.Platform.Access;

namespace Jsms.Features.Protection;

internal sealed record SiteRequest(string? Name, string? Project, JsonElement? Perimeter, double? WatchDistanceMetres,
    int? LoiteringThresholdMinutes, string? SecurityLevel, string? Contacts, MarkingInput? Marking);
