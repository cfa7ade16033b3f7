namespace Jsms.Features.Incidents;

/// <summary>One previewed row: its line, the event id, and the incident as it would be stored.</summary>
internal sealed record ImportPreviewRowDto(int Line, string EventId, string Title, DateOnly? OccurredOn, DatePrecision? DatePrecision, string? Country,
    string? Admin1, string? LocationName, PlacePrecision? PlacePrecision, IReadOnlyList<string> AttackTypes, IReadOnlyList<string> Perpetrators,
    int Killed, int Injured, string Source);
