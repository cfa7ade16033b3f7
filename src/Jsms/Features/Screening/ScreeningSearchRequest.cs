using Jsms.Platform.Access;

namespace Jsms.Features.Screening;

internal sealed record ScreeningSearchRequest(string? Name, string? BirthDate, string? Nationality, string? Type, double? Threshold, int? Limit, MarkingInput? Marking);
