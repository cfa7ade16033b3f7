namespace Jsms.Features.Operations;

internal sealed record EquipmentDto(Guid Id, string Type, string? SerialNumber, int Quantity);
