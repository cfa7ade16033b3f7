namespace Jsms.Features.Incidents;

/// <summary>Attacks, killed and injured counted in one administrative area (or, without an area, those matched to none).</summary>
internal sealed record RegionFigures(Admin1Area? Area, int Attacks, int Killed, int Injured);
