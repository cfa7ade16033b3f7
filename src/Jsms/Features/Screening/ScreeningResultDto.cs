using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Jsms.Features.Access;
using Jsms.Features.Screening.Lists;
using Jsms.Features.Screening.Matching;
using Jsms.Platform.Database;

namespace Jsms.Features.Screening;

internal sealed record ScreeningResultDto(
    Guid Id, ScreeningQueryDto Query, IReadOnlyList<ScreeningMatch> Matches, double Threshold,
    DateTime ScreenedAt, IReadOnlyList<string> ListVersions, MarkingDto Marking);
