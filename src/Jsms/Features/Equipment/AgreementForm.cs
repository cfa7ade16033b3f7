using Jsms.Platform.Access;

namespace Jsms.Features.Equipment;

internal sealed class AgreementForm
{
    public string? Title { get; set; }
    public string? Recipient { get; set; }
    public string? Monitoring { get; set; }
    public int? InventoryIntervalMonths { get; set; }
    public string? AssurancesSignedOn { get; set; }
    public string? Items { get; set; }
    public string? EndUseAssurances { get; set; }
    public MarkingForm Marking { get; set; } = new();
}
