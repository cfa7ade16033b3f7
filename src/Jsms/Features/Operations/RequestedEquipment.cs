namespace Jsms.Features.Operations;

/// <summary>Weapons and equipment a request declares, by type and serial number.</summary>
internal sealed class RequestedEquipment
{
    public Guid Id { get; set; }
    public string Type { get; set; } = "";
    public string? SerialNumber { get; set; }
    public int Quantity { get; set; } = 1;
}
