namespace Jsms.Features.Intelligence;

/// <summary>An object's neighbourhood for the graph view: readable objects only, and the readable relationships and sightings between them.</summary>
internal sealed record StixGraph(IReadOnlyList<StixGraphNode> Nodes, IReadOnlyList<StixGraphEdge> Edges, bool Truncated);
