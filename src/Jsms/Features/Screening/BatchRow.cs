using Jsms.Features.Screening.Matching;

namespace Jsms.Features.Screening;

internal sealed record BatchRow(int Line, ScreeningQueryDto Query, IReadOnlyList<ScreeningMatch> Matches);
