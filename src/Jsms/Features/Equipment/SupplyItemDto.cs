namespace Jsms.Features.Equipment;

internal sealed record SupplyItemDto(string? ItemType, int? Quantity);
