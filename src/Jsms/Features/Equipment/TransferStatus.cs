namespace Jsms.Features.Equipment;

internal enum TransferStatus
{
    Pending,
    Approved,
    Refused,
}
