using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Screening;

internal sealed record ScreeningSummaryDto(Guid Id, ScreeningKind Kind, string Subject, int Screened, int Hits, DateTime CreatedAt, string Tlp) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(ScreeningRecord);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Tlp);
}
