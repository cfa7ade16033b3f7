using Jsms.Platform.Access;

namespace Jsms.Features.Training;

internal sealed record CreateCourseRequest(string? Topic, string? Description, string? Kind, double? DurationHours, int? CertificateValidityMonths, MarkingInput? Marking);
