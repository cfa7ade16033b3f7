using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Consultations;

internal sealed record UrgentMessageDto(Guid Id, string From, string To, string SentBy, string Subject, string Body, DateTime SentAt,
    DateTime AcknowledgeBy, UrgentState State, DateTime? AcknowledgedAt, string? AcknowledgedBy, string? Reply, DateTime? EscalatedAt,
    MarkingDto Marking) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(UrgentMessage);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);
}
