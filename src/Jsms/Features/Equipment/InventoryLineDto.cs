namespace Jsms.Features.Equipment;

internal sealed record InventoryLineDto(string? SerialNumber, string? Status, string? Note);
