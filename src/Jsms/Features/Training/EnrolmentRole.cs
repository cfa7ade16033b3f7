namespace Jsms.Features.Training;

internal enum EnrolmentRole
{
    Participant,
    Facilitator,
    Observer,
}
