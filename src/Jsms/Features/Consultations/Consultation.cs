using Jsms.Features.Access;
using Jsms.Features.Audit;

namespace Jsms.Features.Consultations;

public enum Sector
{
    Security,
    CounterTerrorism,
    TerroristFinancing,
    Intelligence,
    Military,
    Maritime,
    Border,
    Cyber,
    Justice,
    Trade,
    Energy,
    Health,
    Other,
}

public enum CommitmentStatus { Planned, InProgress, Done, Blocked, Cancelled }

/// <summary>A standing consultation between partners, e.g. a foreign-minister-level mechanism or a counter-terrorism dialogue.</summary>
public sealed class Dialogue : IReleasable, IAudited
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    /// <summary>The level or format, e.g. "Foreign-minister consultation".</summary>
    public string Format { get; set; } = "";
    public string? Description { get; set; }
    public Guid? PartnershipId { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<DialogueParty> Parties { get; set; } = [];

    public Guid OwnerAgencyId { get; set; }
    public Tlp Tlp { get; set; }
    public Guid CreatedByUserId { get; set; }
}

/// <summary>An agency taking part in a dialogue.</summary>
public sealed class DialogueParty
{
    public Guid DialogueId { get; set; }
    public Guid AgencyId { get; set; }
}

public sealed class Meeting : IReleasable, IAudited
{
    public Guid Id { get; set; }
    public Guid DialogueId { get; set; }
    public string Title { get; set; } = "";
    public DateOnly HeldOn { get; set; }
    public string Place { get; set; } = "";
    public string Participants { get; set; } = "";
    public string Agenda { get; set; } = "";
    public string Minutes { get; set; } = "";

    public Guid OwnerAgencyId { get; set; }
    public Tlp Tlp { get; set; }
    public Guid CreatedByUserId { get; set; }
}

/// <summary>Something agreed at a meeting that an agency must deliver by a date.</summary>
public sealed class Commitment : IReleasable, IAudited
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

/// <summary>A dated note on a commitment's progress; readable by whoever may read the commitment.</summary>
public sealed class ProgressNote : IAudited
{
    public Guid Id { get; set; }
    public Guid CommitmentId { get; set; }
    public DateOnly WrittenOn { get; set; }
    public string Text { get; set; } = "";
    public Guid AuthorUserId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// A message on the urgent channel between two partner agencies. The recipient must acknowledge it
/// before <see cref="AcknowledgeBy"/>; otherwise the monitor raises an alert for the sender's coordinators.
/// The sender's agency owns it and it is always released to the recipient agency.
/// </summary>
public sealed class UrgentMessage : IReleasable, IAudited
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
