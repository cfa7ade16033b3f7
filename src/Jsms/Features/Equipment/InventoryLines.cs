namespace Jsms.Features.Equipment;

/// <summary>The lines of one inventory check, stored as one JSON column.</summary>
internal sealed class InventoryLines : List<InventoryLine>;
