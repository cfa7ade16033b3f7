namespace Jsms.Features.Equipment;

internal sealed record InventoryCheckDto(Guid Id, Guid AgreementId, DateTime CheckedAt, string RecordedBy, string CheckingAgency, string? CheckerName,
    string Place, double? Latitude, double? Longitude, IReadOnlyList<InventoryLineDto> Lines);
