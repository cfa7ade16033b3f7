namespace Jsms.Features.Intelligence;

/// <summary>One readable version of an object with its stored STIX content.</summary>
public sealed record StixVersionDto(string Version, string Tlp, DateTime DateAdded, bool Revoked, System.Text.Json.JsonElement Content);
