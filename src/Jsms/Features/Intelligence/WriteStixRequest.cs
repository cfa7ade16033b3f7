using System.Text.Json.Nodes;
using Jsms.Platform.Access;

namespace Jsms.Features.Intelligence;

/// <summary>A STIX object written by hand: its type, its properties (without id, created, modified, markings) and its marking.</summary>
internal sealed record WriteStixRequest(Guid? CollectionId, string? Type, JsonObject? Properties, MarkingInput? Marking);
