using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Equipment;

/// <summary>An agreement with its schedule; the detail adds deliveries, serials, inventory checks and transfer requests.</summary>
internal sealed record AgreementDto(Guid Id, string Title, string Supplier, string Recipient, IReadOnlyList<SupplyItemDto> Items,
    string EndUseAssurances, DateOnly? AssurancesSignedOn, MonitoringLevel Monitoring, int InventoryIntervalMonths,
    DateOnly? NextInventoryDueOn, bool InventoryOverdue, int DaysOverdue, DateTime CreatedAt, MarkingDto Marking,
    IReadOnlyList<DeliveryDto>? Deliveries = null, IReadOnlyList<SerialDto>? Serials = null,
    IReadOnlyList<InventoryCheckDto>? Checks = null, IReadOnlyList<TransferRequestDto>? Transfers = null) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(SupplyAgreement);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);
}
