namespace Jsms.Features.Training;

internal enum EnrolmentStatus
{
    Applied,
    Accepted,
    Attended,
    Completed,
    Declined,
    NoShow,
}
