namespace Jsms.Features.Equipment;

internal sealed record RecordDeliveryRequest(string? DeliveredOn, string? Note, DeliveredItemInput[]? Items);
