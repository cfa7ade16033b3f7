namespace Jsms.Features.Intelligence;

/// <summary>An object an import refused: its position in the bundle, its id and version when readable, and why.</summary>
internal sealed record RefusedObject(int Index, string? Id, string? Version, string Reason);
