namespace Jsms.Features.Operations;

/// <summary>Weapons or equipment in a request body.</summary>
internal sealed record EquipmentInput(string? Type, string? SerialNumber, int? Quantity);
