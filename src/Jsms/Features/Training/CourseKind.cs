namespace Jsms.Features.Training;

/// <summary>A course teaches (Training) or clears a person for deployment (Vetting); both give certificates that expire.</summary>
internal enum CourseKind
{
    Training,
    Vetting,
}
