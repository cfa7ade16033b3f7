namespace Jsms.Features.Equipment;

/// <summary>What an inventory check found for one serial number.</summary>
internal enum SerialStatus
{
    Found,
    Missing,
    Transferred,
    Damaged,
}
