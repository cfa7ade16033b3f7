namespace Jsms.Features.Equipment;

internal sealed record DeliveryDto(Guid Id, Guid AgreementId, DateOnly DeliveredOn, string? Note, IReadOnlyList<SerialDto> Items);
