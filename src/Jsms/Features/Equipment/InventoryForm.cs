namespace Jsms.Features.Equipment;

internal sealed class InventoryForm
{
    public string? Place { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? CheckerName { get; set; }
    public List<string> Serials { get; set; } = [];
    public List<string> Statuses { get; set; } = [];
}
