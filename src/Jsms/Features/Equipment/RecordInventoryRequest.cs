namespace Jsms.Features.Equipment;

/// <summary>An inventory check: when (default now), where (place and an optional point), by whom, and each serial's status.</summary>
internal sealed record RecordInventoryRequest(DateTime? CheckedAt, string? Place, double? Latitude, double? Longitude, string? CheckerName,
    InventoryLineDto[]? Lines);
