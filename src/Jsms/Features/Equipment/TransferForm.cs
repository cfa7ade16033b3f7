namespace Jsms.Features.Equipment;

internal sealed class TransferForm
{
    public string? ThirdParty { get; set; }
    public string? SerialNumbers { get; set; }
    public string? Reason { get; set; }
}
