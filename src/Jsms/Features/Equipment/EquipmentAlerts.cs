using Jsms.Features.Alerts;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Identity;

namespace Jsms.Features.Equipment;

/// <summary>
/// Who hears of an end-use problem: the alert is owned by the supplier at AMBER, released to the recipient, and named to
/// the coordinators of both (the supplier must follow up, the recipient must account for the items). Derived from the
/// agreement, so it reveals nothing the agreement's readers do not already see.
/// </summary>
internal static class EquipmentAlerts
{
    public const string OverdueKind = "equipment.inventory-overdue";
    public const string MissingKind = "equipment.serial-missing";
    public const string TransferKind = "equipment.unauthorised-transfer";

    public static async Task<Alert> RaiseAsync(JsmsDbContext db, SupplyAgreement agreement, AlertDraft draft, CancellationToken cancellationToken = default)
    {
        var coordinators = await Coordinators.OfAgenciesAsync(db, [agreement.OwnerAgencyId, agreement.RecipientAgencyId], cancellationToken);
        var alert = db.Raise(draft with { SubjectType = nameof(SupplyAgreement), SubjectId = agreement.Id },
            new AlertAudience(agreement.OwnerAgencyId, Tlp.Amber, agreement.CreatedByUserId, [agreement.RecipientAgencyId], coordinators),
            [new AlertInput(agreement, "supply-agreement")]);
        db.Audit("alert", nameof(SupplyAgreement), agreement.Id, $"{draft.Kind}: alert {alert.Id}");
        return alert;
    }
}
