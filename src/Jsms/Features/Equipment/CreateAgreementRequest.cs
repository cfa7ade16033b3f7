using Jsms.Platform.Access;

namespace Jsms.Features.Equipment;

/// <summary>A new agreement of the caller's agency (the supplier); the recipient is added to the release-to list.</summary>
internal sealed record CreateAgreementRequest(string? Title, string? Recipient, SupplyItemDto[]? Items, string? EndUseAssurances,
    string? AssurancesSignedOn, string? Monitoring, int? InventoryIntervalMonths, MarkingInput? Marking);
