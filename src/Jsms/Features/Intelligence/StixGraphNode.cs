namespace Jsms.Features.Intelligence;

/// <summary>An object in the graph: its STIX id, type, name (or its type when it has none) and its page.</summary>
internal sealed record StixGraphNode(string Id, string Type, string Label, string Url, int Depth);
