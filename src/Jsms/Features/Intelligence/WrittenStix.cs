using System.Text.Json;

namespace Jsms.Features.Intelligence;

/// <summary>What was stored: the object's id and the new version.</summary>
internal sealed record WrittenStix(string Id, string Version, Guid CollectionId, JsonElement Content);
