using Jsms.Platform.Audit;

namespace Jsms.Features.Equipment;

/// <summary>One delivered item by serial number, with what the last inventory found and whether its alert was raised (once each).</summary>
internal sealed class DeliveredItem : IAudited
{
    public Guid Id { get; set; }
    public Guid AgreementId { get; set; }
    public Guid DeliveryId { get; set; }
    public string ItemType { get; set; } = "";
    public string SerialNumber { get; set; } = "";
    public SerialStatus? LastStatus { get; set; }
    public DateTime? LastCheckedAt { get; set; }
    public DateTime? MissingAlertedAt { get; set; }
    public DateTime? TransferAlertedAt { get; set; }
}
