using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Equipment;

/// <summary>
/// An agreement to supply equipment: owned by the supplier agency, always released to the recipient agency, with the
/// recipient's end-use assurances and the inventory schedule (the first within 90 days of a delivery, then every
/// <see cref="InventoryIntervalMonths"/> months).
/// </summary>
internal sealed class SupplyAgreement : IReleasable, IAudited
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public Guid RecipientAgencyId { get; set; }
    public SupplyItems Items { get; set; } = [];
    public string EndUseAssurances { get; set; } = "";
    public DateOnly? AssurancesSignedOn { get; set; }
    public MonitoringLevel Monitoring { get; set; }
    public int InventoryIntervalMonths { get; set; }
    /// <summary>When the next serial-number inventory is due (none before the first delivery).</summary>
    public DateOnly? NextInventoryDueOn { get; set; }
    /// <summary>The due date whose overdue alert was raised: one alert per missed due date.</summary>
    public DateOnly? OverdueAlertedFor { get; set; }
    public DateTime CreatedAt { get; set; }

    public Guid OwnerAgencyId { get; set; }
    public Tlp Tlp { get; set; }
    public Guid CreatedByUserId { get; set; }
}
