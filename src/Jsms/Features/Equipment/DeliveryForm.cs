namespace Jsms.Features.Equipment;

internal sealed class DeliveryForm
{
    public string? DeliveredOn { get; set; }
    public string? Items { get; set; }
    public string? Note { get; set; }
}
