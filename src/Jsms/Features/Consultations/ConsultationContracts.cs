using Jsms.Features.Audit;
using System.Globalization;
using Jsms.Features.Access;

namespace Jsms.Features.Consultations;

// What the API (and the pages) read and write. Requests have nullable members so a missing field
// becomes a validation error naming it; sector, status and dates are strings parsed here so that a
// bad value is reported under its own field name rather than as a JSON error.

public sealed record DialogueDto(Guid Id, string Title, string Format, string? Description, Guid? PartnershipId,
    IReadOnlyList<string> Parties, DateTime CreatedAt, MarkingDto Marking,
    IReadOnlyList<MeetingDto>? Meetings = null, IReadOnlyList<CommitmentDto>? Commitments = null) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(Dialogue);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);
}

public sealed record MeetingDto(Guid Id, Guid DialogueId, string Title, DateOnly HeldOn, string Place, string Participants,
    string Agenda, string Minutes, MarkingDto Marking) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(Meeting);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);
}

public sealed record ProgressNoteDto(Guid Id, DateOnly WrittenOn, string Text, string Author, DateTime CreatedAt);

public sealed record CommitmentDto(Guid Id, Guid DialogueId, Guid? MeetingId, string Title, string? Description, Sector Sector,
    string ResponsibleAgency, DateOnly DueOn, CommitmentStatus Status, int PercentComplete, bool Overdue, int DaysOverdue,
    DateTime CreatedAt, DateTime UpdatedAt, MarkingDto Marking, IReadOnlyList<ProgressNoteDto>? Notes = null) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(Commitment);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);
}

/// <summary>Progress of one dialogue or one sector: commitments by status, overdue count and average completion.</summary>
public sealed record ProgressGroupDto(string Key, string Label, int Total, IReadOnlyDictionary<CommitmentStatus, int> ByStatus,
    int Overdue, double AveragePercent);

/// <summary>The dashboard: overdue commitments first (most overdue on top), then progress by dialogue and by sector.</summary>
public sealed record DashboardDto(DateOnly Today, IReadOnlyList<CommitmentDto> Overdue, IReadOnlyList<ProgressGroupDto> ByDialogue,
    IReadOnlyList<ProgressGroupDto> BySector, int PendingUrgentInbox);

public enum UrgentState { Pending, Overdue, Acknowledged }

public sealed record UrgentMessageDto(Guid Id, string From, string To, string SentBy, string Subject, string Body, DateTime SentAt,
    DateTime AcknowledgeBy, UrgentState State, DateTime? AcknowledgedAt, string? AcknowledgedBy, string? Reply, DateTime? EscalatedAt,
    MarkingDto Marking) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(UrgentMessage);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);
}

public sealed record UrgentBoxDto(IReadOnlyList<UrgentMessageDto> Inbox, IReadOnlyList<UrgentMessageDto> Outbox);

public sealed record CreateDialogueRequest(string? Title, string? Format, string? Description, Guid? PartnershipId, string[]? Parties, MarkingInput? Marking);

/// <summary>Only the members given are changed.</summary>
public sealed record UpdateDialogueRequest(string? Title, string? Format, string? Description, string[]? Parties, MarkingInput? Marking);

public sealed record CreateMeetingRequest(string? Title, string? HeldOn, string? Place, string? Participants, string? Agenda, string? Minutes, MarkingInput? Marking);

public sealed record UpdateMinutesRequest(string? Minutes);

public sealed record CreateCommitmentRequest(string? Title, string? Description, string? Sector, string? ResponsibleAgency, string? DueOn,
    Guid? MeetingId, string? Status, int? PercentComplete, MarkingInput? Marking);

/// <summary>Only the members given are changed; at least one is required.</summary>
public sealed record UpdateCommitmentRequest(string? Status, int? PercentComplete, string? DueOn);

public sealed record AddProgressNoteRequest(string? Text, string? WrittenOn);

public sealed record CommitmentQuery(Guid? Dialogue, string? Sector, string? Status, bool? Overdue);

public sealed record SendUrgentRequest(string? To, string? Subject, string? Body, int? AcknowledgeWithinMinutes, MarkingInput? Marking);

public sealed record AcknowledgeUrgentRequest(string? Reply);

/// <summary>Lenient parsing of the values clients type: "counter-terrorism", "CounterTerrorism" and "counter_terrorism" are one sector.</summary>
public static class ConsultationValues
{
    public const int MaxAcknowledgeMinutes = 7 * 24 * 60;

    public static bool TryParseSector(string? text, out Sector sector) => TryParseEnum(text, out sector);

    public static bool TryParseStatus(string? text, out CommitmentStatus status) => TryParseEnum(text, out status);

    public static bool TryParseDate(string? text, out DateOnly date)
        => DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
           && date.Year is >= 1990 and <= 2100;

    public static string SectorChoices { get; } = string.Join(", ", Enum.GetNames<Sector>());

    public static string StatusChoices { get; } = string.Join(", ", Enum.GetNames<CommitmentStatus>());

    private static bool TryParseEnum<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        var compact = new string((text ?? "").Where(char.IsLetterOrDigit).ToArray());
        value = default;
        return compact.Length > 0 && !compact.All(char.IsDigit) && Enum.TryParse(compact, ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    public static bool IsOpen(CommitmentStatus status) => status is not (CommitmentStatus.Done or CommitmentStatus.Cancelled);
}
