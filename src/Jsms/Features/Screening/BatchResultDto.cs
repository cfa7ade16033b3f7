using Jsms.Platform.Access;

namespace Jsms.Features.Screening;

internal sealed record BatchResultDto(Guid Id, string FileName, int Screened, int Hits, double Threshold, DateTime ScreenedAt,
    IReadOnlyList<string> ListVersions, MarkingDto Marking, IReadOnlyList<BatchRow> Rows);
