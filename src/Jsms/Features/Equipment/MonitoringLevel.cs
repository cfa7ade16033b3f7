namespace Jsms.Features.Equipment;

/// <summary>End-use monitoring: routine checks, or enhanced (serial-number inventories on a tighter schedule) for sensitive items.</summary>
internal enum MonitoringLevel
{
    Routine,
    Enhanced,
}
