namespace Jsms.Features.Equipment;

internal sealed record DeliveredItemInput(string? ItemType, string? SerialNumber);
