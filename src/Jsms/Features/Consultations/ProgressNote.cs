using Jsms.Platform.Audit;

namespace Jsms.Features.Consultations;

/// <summary>A dated note on a commitment's progress; readable by whoever may read the commitment.</summary>
internal sealed class ProgressNote : IAudited
{
    public Guid Id { get; set; }
    public Guid CommitmentId { get; set; }
    public DateOnly WrittenOn { get; set; }
    public string Text { get; set; } = "";
    public Guid AuthorUserId { get; set; }
    public DateTime CreatedAt { get; set; }
}
