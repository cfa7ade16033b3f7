namespace Jsms.Features.Equipment;

/// <summary>A line of an agreement: so many items of a type.</summary>
internal sealed class SupplyItem
{
    public string ItemType { get; set; } = "";
    public int Quantity { get; set; }
}
