namespace Jsms.Features.Map;

/// <summary>What the map needs to know of the served tiles (after TileJSON 3.0: format, bounds, zooms, attribution).</summary>
internal sealed record TileJsonDto(string TileJson, string Name, string Format, string[] Tiles, double[] Bounds, int MinZoom, int MaxZoom, string Attribution);
