using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Intelligence;

internal sealed record RfiDto(Guid Id, string From, string AskedBy, string Title, string Question, DateTime AskedAt, DateTime DueAt, string Status,
    bool Overdue, DateTime? ClosedAt, IReadOnlyList<RfiAddresseeDto> Addressees, IReadOnlyList<RfiAnswerDto> Answers, MarkingDto Marking) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(Rfi);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);

    /// <summary>A request's question and answers pass between agencies: every read of one is audited, at every level.</summary>
    string? IAuditedRead.Discloses => "question and answers";
}
