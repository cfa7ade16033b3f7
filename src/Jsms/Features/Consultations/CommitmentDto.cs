using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Consultations;

internal sealed record CommitmentDto(Guid Id, Guid DialogueId, Guid? MeetingId, string Title, string? Description, Sector Sector,
    string ResponsibleAgency, DateOnly DueOn, CommitmentStatus Status, int PercentComplete, bool Overdue, int DaysOverdue,
    DateTime CreatedAt, DateTime UpdatedAt, MarkingDto Marking, IReadOnlyList<ProgressNoteDto>? Notes = null) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(Commitment);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);
}
