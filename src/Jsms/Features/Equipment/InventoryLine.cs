namespace Jsms.Features.Equipment;

internal sealed class InventoryLine
{
    public string SerialNumber { get; set; } = "";
    public SerialStatus Status { get; set; }
    public string? Note { get; set; }
}
