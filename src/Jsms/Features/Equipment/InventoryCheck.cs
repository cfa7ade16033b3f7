using Jsms.Platform.Audit;

namespace Jsms.Features.Equipment;

/// <summary>A serial-number inventory: who checked (the signed-in user, and the checker's name if someone else), where, when, and each serial's status.</summary>
internal sealed class InventoryCheck : IAudited
{
    public Guid Id { get; set; }
    public Guid AgreementId { get; set; }
    public DateTime CheckedAt { get; set; }
    public Guid RecordedByUserId { get; set; }
    public Guid CheckingAgencyId { get; set; }
    public string? CheckerName { get; set; }
    public string Place { get; set; } = "";
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public InventoryLines Lines { get; set; } = [];
    public DateTime CreatedAt { get; set; }
}
