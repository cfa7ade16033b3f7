namespace Jsms.Features.Intelligence;

/// <summary>One version of a STIX object, as search results and relationship lists show it.</summary>
internal sealed record StixObjectSummary(string Id, string Type, string? Name, string Version, string Tlp, bool Revoked, Guid CollectionId, DateTime DateAdded);
