using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Training;

/// <summary>A course a provider agency (the owner) runs again and again; each run is a <see cref="TrainingSession"/>.</summary>
internal sealed class Course : IReleasable, IAudited
{
    public Guid Id { get; set; }
    public string Topic { get; set; } = "";
    public string? Description { get; set; }
    public CourseKind Kind { get; set; }
    public double DurationHours { get; set; }
    /// <summary>How long a certificate of this course stays valid; null: no certificate, or one that does not expire.</summary>
    public int? CertificateValidityMonths { get; set; }
    public DateTime CreatedAt { get; set; }

    public Guid OwnerAgencyId { get; set; }
    public Tlp Tlp { get; set; }
    public Guid CreatedByUserId { get; set; }
}
