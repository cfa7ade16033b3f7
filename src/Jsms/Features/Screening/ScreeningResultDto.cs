using Jsms.Platform.Access;
using Jsms.Features.Screening.Matching;

namespace Jsms.Features.Screening;

internal sealed record ScreeningResultDto(
    Guid Id, ScreeningQueryDto Query, IReadOnlyList<ScreeningMatch> Matches, double Threshold,
    DateTime ScreenedAt, IReadOnlyList<string> ListVersions, MarkingDto Marking);
