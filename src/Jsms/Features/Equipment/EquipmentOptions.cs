namespace Jsms.Features.Equipment;

internal sealed class EquipmentOptions
{
    public const string Section = "Jsms:Equipment";

    public int CheckSeconds { get; set; } = 3600;
}
