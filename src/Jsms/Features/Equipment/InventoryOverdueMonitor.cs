using Jsms.Features.Alerts;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jsms.Features.Equipment;

/// <summary>
/// Raises one alert for each agreement whose serial-number inventory is past its due date (see <see cref="EquipmentAlerts"/>
/// for who hears of it). Once per due date: <see cref="SupplyAgreement.OverdueAlertedFor"/> is claimed by a conditional
/// UPDATE; an inventory recorded afterwards sets the next due date, which can be alerted in its turn.
/// </summary>
internal sealed class InventoryOverdueMonitor(IServiceScopeFactory scopes, TimeProvider clock, IOptions<EquipmentOptions> options,
    ILogger<InventoryOverdueMonitor> logger) : EscalationMonitor<SupplyAgreement>(scopes, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, options.Value.CheckSeconds));

    protected override string Subject => "overdue equipment inventories";

    protected override Task<List<SupplyAgreement>> OverdueAsync(JsmsDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now);
        return db.Set<SupplyAgreement>().AsNoTracking()
            .Where(a => a.NextInventoryDueOn < today && (a.OverdueAlertedFor == null || a.OverdueAlertedFor != a.NextInventoryDueOn))
            .OrderBy(a => a.NextInventoryDueOn).Take(Batch).ToListAsync(cancellationToken);
    }

    protected override Task<int> ClaimAsync(JsmsDbContext db, SupplyAgreement agreement, DateTime now, CancellationToken cancellationToken)
        => db.Set<SupplyAgreement>()
            .Where(a => a.Id == agreement.Id && a.NextInventoryDueOn == agreement.NextInventoryDueOn
                        && (a.OverdueAlertedFor == null || a.OverdueAlertedFor != a.NextInventoryDueOn))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.OverdueAlertedFor, agreement.NextInventoryDueOn), cancellationToken);

    protected override async Task RaiseAsync(JsmsDbContext db, SupplyAgreement agreement, DateTime now, CancellationToken cancellationToken)
    {
        var due = agreement.NextInventoryDueOn!.Value;
        var draft = new AlertDraft(EquipmentAlerts.OverdueKind, agreement.Monitoring == MonitoringLevel.Enhanced ? AlertSeverity.High : AlertSeverity.Medium,
            $"Inventory overdue since {due:yyyy-MM-dd}: {Shorten(agreement.Title, 200)}", now)
        {
            Detail = $"{agreement.Monitoring} end-use monitoring; the serial-number inventory was due by {due:yyyy-MM-dd} and none has been recorded.",
        };
        await EquipmentAlerts.RaiseAsync(db, agreement, draft, cancellationToken);
    }
}
