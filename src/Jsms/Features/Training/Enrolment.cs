using Jsms.Platform.Audit;

namespace Jsms.Features.Training;

/// <summary>
/// One person in one session: a JSMS user, or a person without an account (name, agency, email). The result and the
/// certificate (number, issued, expires) live here: a certificate is the outcome of one completed enrolment.
/// </summary>
internal sealed class Enrolment : IAudited
{
    public Guid Id { get; set; }
    public Guid SessionId { get; set; }
    /// <summary>The session's course, kept here so a person's record and the expiry check need no join through sessions.</summary>
    public Guid CourseId { get; set; }
    public Guid? UserId { get; set; }
    public string PersonName { get; set; } = "";
    /// <summary>The name as looked up (trimmed, single spaces, upper case), so a record is found by name in SQL on both providers.</summary>
    public string PersonNameKey { get; set; } = "";
    /// <summary>The person's agency (the user's agency for a user): its coordinators hear of an expiring certificate.</summary>
    public Guid? PersonAgencyId { get; set; }
    public string? Email { get; set; }
    public EnrolmentRole Role { get; set; }
    public EnrolmentStatus Status { get; set; }
    public double? Hours { get; set; }
    public string? Grade { get; set; }
    public bool? Passed { get; set; }
    public string? CertificateNumber { get; set; }
    public DateOnly? CertificateIssuedOn { get; set; }
    public DateOnly? CertificateExpiresOn { get; set; }
    /// <summary>When the expiry warning was raised (once per certificate; cleared when a new certificate is issued).</summary>
    public DateTime? ExpiryAlertedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public static string NameKey(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToUpperInvariant();
}
