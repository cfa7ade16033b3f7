using System.Text.Json;

namespace Jsms.Features.Incidents;

/// <summary>One version of an incident: who changed which fields when, and the incident as it then stood.</summary>
internal sealed record IncidentVersionDto(int Version, DateTime ChangedAt, string ChangedBy, IReadOnlyList<string> ChangedFields, JsonElement Snapshot);
