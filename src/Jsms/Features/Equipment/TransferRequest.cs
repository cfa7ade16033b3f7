using Jsms.Platform.Audit;

namespace Jsms.Features.Equipment;

/// <summary>The recipient's request to pass supplied items to a third party; only the supplier decides (<see cref="TransferConsent"/>).</summary>
internal sealed class TransferRequest : IAudited
{
    public Guid Id { get; set; }
    public Guid AgreementId { get; set; }
    public Guid RequestingAgencyId { get; set; }
    public Guid RequestedByUserId { get; set; }
    public string ThirdParty { get; set; } = "";
    public List<string> SerialNumbers { get; set; } = [];
    public string Reason { get; set; } = "";
    public DateTime RequestedAt { get; set; }
    public TransferStatus Status { get; set; }
    public Guid? DecidedByUserId { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionReason { get; set; }
}
