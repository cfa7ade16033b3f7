using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Consultations;

/// <summary>
/// A message on the urgent channel between two partner agencies. The recipient must acknowledge it
/// before <see cref="AcknowledgeBy"/>; otherwise the monitor raises an alert for the sender's coordinators.
/// The sender's agency owns it and it is always released to the recipient agency.
/// </summary>
internal sealed class UrgentMessage : IReleasable, IAudited
{
    public Guid Id { get; set; }
    public Guid ToAgencyId { get; set; }
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTime SentAt { get; set; }
    public DateTime AcknowledgeBy { get; set; }
    public DateTime? AcknowledgedAt { get; set; }
    public Guid? AcknowledgedByUserId { get; set; }
    public string? Reply { get; set; }
    /// <summary>When the overdue alert was raised; set once, so the monitor raises one alert per message.</summary>
    public DateTime? EscalatedAt { get; set; }

    public Guid OwnerAgencyId { get; set; }
    public Tlp Tlp { get; set; }
    public Guid CreatedByUserId { get; set; }
}
