using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Consultations;

internal sealed record MeetingDto(Guid Id, Guid DialogueId, string Title, DateOnly HeldOn, string Place, string Participants,
    string Agenda, string Minutes, MarkingDto Marking) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(Meeting);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);
}
