namespace Jsms.Features.Intelligence;

/// <summary>A relationship (its <c>relationship_type</c>) or a sighting (<c>sighting-of</c>) between two readable objects.</summary>
internal sealed record StixGraphEdge(string Id, string Source, string Target, string Label);
