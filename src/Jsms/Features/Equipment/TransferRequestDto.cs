namespace Jsms.Features.Equipment;

internal sealed record TransferRequestDto(Guid Id, Guid AgreementId, string RequestingAgency, string RequestedBy, string ThirdParty,
    IReadOnlyList<string> SerialNumbers, string Reason, DateTime RequestedAt, TransferStatus Status, string? DecidedBy, DateTime? DecidedAt,
    string? DecisionReason);
