using Jsms.Features.Screening.Matching;
using Jsms.Platform.Access;

namespace Jsms.Features.Screening;

internal sealed record ScreeningResultDto(
    Guid Id, ScreeningQueryDto Query, IReadOnlyList<ScreeningMatch> Matches, double Threshold,
    DateTime ScreenedAt, IReadOnlyList<string> ListVersions, MarkingDto Marking);
