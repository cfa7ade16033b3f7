using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Consultations;

// What the API (and the pages) read and write. Requests have nullable members so a missing field
// becomes a validation error naming it; sector, status and dates are strings parsed here so that a
// bad value is reported under its own field name rather than as a JSON error.

internal sealed record DialogueDto(Guid Id, string Title, string Format, string? Description, Guid? PartnershipId,
    IReadOnlyList<string> Parties, DateTime CreatedAt, MarkingDto Marking,
    IReadOnlyList<MeetingDto>? Meetings = null, IReadOnlyList<CommitmentDto>? Commitments = null) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(Dialogue);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);
}
