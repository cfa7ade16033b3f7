namespace Jsms.Features.Intelligence;

/// <summary>One readable version of an object with its stored STIX content.</summary>
internal sealed record StixVersionDto(string Version, string Tlp, DateTime DateAdded, bool Revoked, System.Text.Json.JsonElement Content);
