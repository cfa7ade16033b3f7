using Jsms.Platform.Audit;

namespace Jsms.Features.Equipment;

/// <summary>One delivery under an agreement; its items, by serial number, are <see cref="DeliveredItem"/>s.</summary>
internal sealed class Delivery : IAudited
{
    public Guid Id { get; set; }
    public Guid AgreementId { get; set; }
    public DateOnly DeliveredOn { get; set; }
    public string? Note { get; set; }
    public Guid RecordedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
}
