namespace Jsms.Features.Equipment;

/// <summary>The supplier's decision; a refusal needs a reason.</summary>
internal sealed record DecideTransferRequest(bool? Approve, string? Reason);
