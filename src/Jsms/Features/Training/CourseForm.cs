using Jsms.Platform.Access;

namespace Jsms.Features.Training;

internal sealed class CourseForm
{
    public string? Topic { get; set; }
    public string? Kind { get; set; }
    public string? Description { get; set; }
    public double? DurationHours { get; set; }
    public int? CertificateValidityMonths { get; set; }
    public MarkingForm Marking { get; set; } = new();
}
