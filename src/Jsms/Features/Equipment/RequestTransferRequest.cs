namespace Jsms.Features.Equipment;

internal sealed record RequestTransferRequest(string? ThirdParty, string[]? SerialNumbers, string? Reason);
