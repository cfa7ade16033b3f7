using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Training;

internal sealed record CourseDto(Guid Id, string Topic, string? Description, CourseKind Kind, double DurationHours, int? CertificateValidityMonths,
    string ProviderAgency, DateTime CreatedAt, MarkingDto Marking, IReadOnlyList<SessionDto>? Sessions = null) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(Course);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);
}
