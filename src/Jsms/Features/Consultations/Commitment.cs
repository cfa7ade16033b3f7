using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Consultations;

/// <summary>Something agreed at a meeting that an agency must deliver by a date.</summary>
internal sealed class Commitment : IReleasable, IAudited
{
    public Guid Id { get; set; }
    public Guid DialogueId { get; set; }
    public Guid? MeetingId { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public Sector Sector { get; set; }
    /// <summary>The agency that must deliver (not necessarily the record's owner).</summary>
    public Guid ResponsibleAgencyId { get; set; }
    public DateOnly DueOn { get; set; }
    public CommitmentStatus Status { get; set; }
    /// <summary>0 to 100.</summary>
    public int PercentComplete { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<ProgressNote> Notes { get; set; } = [];

    public Guid OwnerAgencyId { get; set; }
    public Tlp Tlp { get; set; }
    public Guid CreatedByUserId { get; set; }
}
