using System.Net;
using Jsms.Features.Equipment;

namespace Jsms.Tests.Equipment;

/// <summary>Equipment supply: inventories on schedule, alerts for overdue inventories, missing serials and unconsented transfers, and the supplier's consent.</summary>
public sealed class EndUseMonitoringTests(EquipmentTestApp app) : IClassFixture<EquipmentTestApp>
{
    private const string Base = "/api/equipment";

    private Task<int> CheckOverdue() => app.Service<InventoryOverdueMonitor>().EscalateOverdueAsync(CancellationToken.None);

    /// <summary>Russia (the supplier) agrees to supply Pakistan and delivers three night-vision devices <paramref name="daysAgo"/> days ago.</summary>
    private async Task<AgreementDto> Supply(int daysAgo)
    {
        using var russia = await app.LoginAs("ru.analyst");
        var agreement = await (await russia.Post($"{Base}/agreements", new
        {
            title = $"Night-vision devices {Guid.NewGuid():N}",
            recipient = "PK-NACTA",
            items = new[] { new { itemType = "Night-vision device", quantity = 3 } },
            endUseAssurances = "Used only by the recipient's counter-terrorism units; no transfer without consent.",
            assurancesSignedOn = app.Today.AddDays(-daysAgo - 10).ToString("yyyy-MM-dd"),
            monitoring = "enhanced",
            inventoryIntervalMonths = 6,
        })).Read<AgreementDto>(HttpStatusCode.Created);
        Assert.Contains("PK-NACTA", agreement.Marking.ReleaseTo);
        var tag = agreement.Id.ToString("N")[..6];
        return await (await russia.Post($"{Base}/agreements/{agreement.Id}/deliveries", new
        {
            deliveredOn = app.Today.AddDays(-daysAgo).ToString("yyyy-MM-dd"),
            items = new[] { 1, 2, 3 }.Select(i => new { itemType = "Night-vision device", serialNumber = $"NV-{tag}-{i}" }).ToArray(),
        })).Read<AgreementDto>(HttpStatusCode.Created);
    }

    private static object Line(AgreementDto a, int i, string status) => new { serialNumber = a.Serials![i].SerialNumber, status };

    [Fact]
    public async Task First_inventory_is_due_90_days_after_delivery_and_an_overdue_one_alerts_both_sides_once()
    {
        var agreement = await Supply(daysAgo: 100);
        Assert.Equal(app.Today.AddDays(-10), agreement.NextInventoryDueOn);
        Assert.True(agreement.InventoryOverdue);

        await CheckOverdue();
        await CheckOverdue();
        var alert = Assert.Single(await app.AlertsAbout(agreement.Id, EquipmentAlerts.OverdueKind));
        var recipients = await app.RecipientsOf(alert.Id);
        Assert.Contains("pk.coordinator", recipients);

        using var pakistan = await app.LoginAs("pk.coordinator");
        Assert.Contains(await pakistan.GetAs<List<AgreementDto>>($"{Base}/inventories/due"), a => a.Id == agreement.Id && a.InventoryOverdue);
        var check = await pakistan.Post($"{Base}/agreements/{agreement.Id}/inventories", new
        {
            place = "NACTA armoury, Islamabad",
            latitude = 33.68,
            longitude = 73.05,
            lines = new[] { Line(agreement, 0, "found"), Line(agreement, 1, "Found"), Line(agreement, 2, "Damaged") },
        });
        var recorded = await check.Read<InventoryCheckDto>(HttpStatusCode.Created);
        Assert.Equal("PK-NACTA", recorded.CheckingAgency);
        Assert.Equal("pk.coordinator", recorded.RecordedBy);

        var after = await pakistan.GetAs<AgreementDto>($"{Base}/agreements/{agreement.Id}");
        Assert.Equal(app.Today.AddMonths(6), after.NextInventoryDueOn);
        Assert.False(after.InventoryOverdue);
        await CheckOverdue();
        Assert.Single(await app.AlertsAbout(agreement.Id, EquipmentAlerts.OverdueKind));
    }

    [Fact]
    public async Task A_missing_serial_raises_one_alert_however_often_it_is_reported_missing()
    {
        var agreement = await Supply(daysAgo: 20);
        using var pakistan = await app.LoginAs("pk.analyst");
        for (var i = 0; i < 2; i++)
        {
            await (await pakistan.Post($"{Base}/agreements/{agreement.Id}/inventories", new
            {
                place = "Quetta depot",
                checkerName = "Inspector Rashid",
                lines = new[] { Line(agreement, 0, "Found"), Line(agreement, 1, "Missing") },
            })).Read<InventoryCheckDto>(HttpStatusCode.Created);
        }
        var alert = Assert.Single(await app.AlertsAbout(agreement.Id, EquipmentAlerts.MissingKind));
        Assert.Contains(agreement.Serials![1].SerialNumber, alert.Title);
        Assert.Contains("pk.coordinator", await app.RecipientsOf(alert.Id));
        // A partial check (one serial not listed) leaves the first inventory still due.
        Assert.Equal(app.Today.AddDays(70), (await pakistan.GetAs<AgreementDto>($"{Base}/agreements/{agreement.Id}")).NextInventoryDueOn);
    }

    [Fact]
    public async Task A_transfer_needs_the_suppliers_consent_and_one_without_it_raises_an_alert()
    {
        var agreement = await Supply(daysAgo: 30);
        using var pakistan = await app.LoginAs("pk.analyst");
        var serial = agreement.Serials![0].SerialNumber;
        var transfer = await (await pakistan.Post($"{Base}/agreements/{agreement.Id}/transfers", new
        {
            thirdParty = "Frontier Corps Balochistan",
            serialNumbers = new[] { serial },
            reason = "Border posts lack night-vision capability.",
        })).Read<TransferRequestDto>(HttpStatusCode.Created);
        Assert.Equal(TransferStatus.Pending, transfer.Status);

        // The recipient cannot approve its own request; a partner who cannot read the agreement gets 404.
        using var pakistanCoordinator = await app.LoginAs("pk.coordinator");
        var own = await pakistanCoordinator.Post($"{Base}/transfers/{transfer.Id}/decision", new { approve = true });
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        using var china = await app.LoginAs("cn.coordinator");
        Assert.Equal(HttpStatusCode.NotFound, (await china.Post($"{Base}/transfers/{transfer.Id}/decision", new { approve = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await china.GetAsync($"{Base}/agreements/{agreement.Id}")).StatusCode);
        // Nor may the supplier ask on the recipient's behalf.
        using var russia = await app.LoginAs("ru.analyst");
        Assert.Equal(HttpStatusCode.NotFound, (await russia.Post($"{Base}/agreements/{agreement.Id}/transfers",
            new { thirdParty = "x", serialNumbers = new[] { serial }, reason = "x" })).StatusCode);

        // The supplier refuses, with a reason (required), once.
        Assert.Contains("reason", (await (await russia.Post($"{Base}/transfers/{transfer.Id}/decision", new { approve = false })).ValidationErrors()).Keys);
        var refused = await (await russia.Post($"{Base}/transfers/{transfer.Id}/decision", new { approve = false, reason = "Not covered by the end-use assurances." }))
            .Read<TransferRequestDto>();
        Assert.Equal(TransferStatus.Refused, refused.Status);
        Assert.Equal("ru.analyst", refused.DecidedBy);
        Assert.Equal(HttpStatusCode.Conflict, (await russia.Post($"{Base}/transfers/{transfer.Id}/decision", new { approve = true })).StatusCode);

        // The items go anyway: the next inventory records them transferred, which raises an alert (once).
        await (await pakistan.Post($"{Base}/agreements/{agreement.Id}/inventories", new
        {
            place = "Quetta",
            lines = new[] { Line(agreement, 0, "Transferred"), Line(agreement, 1, "Found"), Line(agreement, 2, "Found") },
        })).Read<InventoryCheckDto>(HttpStatusCode.Created);
        var alert = Assert.Single(await app.AlertsAbout(agreement.Id, EquipmentAlerts.TransferKind));
        Assert.Contains(serial, alert.Title);

        // An approved transfer recorded as Transferred raises nothing.
        var second = agreement.Serials[1].SerialNumber;
        var approvedRequest = await (await pakistan.Post($"{Base}/agreements/{agreement.Id}/transfers", new
        {
            thirdParty = "Sindh Police", serialNumbers = new[] { second }, reason = "Airport perimeter watch.",
        })).Read<TransferRequestDto>(HttpStatusCode.Created);
        Assert.Equal(TransferStatus.Approved, (await (await russia.Post($"{Base}/transfers/{approvedRequest.Id}/decision", new { approve = true })).Read<TransferRequestDto>()).Status);
        await (await pakistan.Post($"{Base}/agreements/{agreement.Id}/inventories", new { place = "Karachi", lines = new[] { Line(agreement, 1, "Transferred") } }))
            .Read<InventoryCheckDto>(HttpStatusCode.Created);
        Assert.Single(await app.AlertsAbout(agreement.Id, EquipmentAlerts.TransferKind));
    }

    [Fact]
    public async Task Bad_agreement_delivery_and_inventory_values_are_refused_naming_each_field()
    {
        using var russia = await app.LoginAs("ru.analyst");
        var errors = await (await russia.Post($"{Base}/agreements", new
        {
            title = "", recipient = "RU-NAC", items = new[] { new { itemType = "Rifle", quantity = 0 } }, monitoring = "sometimes", inventoryIntervalMonths = 0,
        })).ValidationErrors();
        Assert.Contains("title", errors.Keys);
        Assert.Contains("recipient", errors.Keys);
        Assert.Contains("items[0].quantity", errors.Keys);
        Assert.Contains("endUseAssurances", errors.Keys);
        Assert.Contains("monitoring", errors.Keys);
        Assert.Contains("inventoryIntervalMonths", errors.Keys);

        var agreement = await Supply(daysAgo: 5);
        errors = await (await russia.Post($"{Base}/agreements/{agreement.Id}/deliveries", new
        {
            deliveredOn = app.Today.AddDays(3).ToString("yyyy-MM-dd"),
            items = new[] { new { itemType = "Tank", serialNumber = "T-1" }, new { itemType = "Night-vision device", serialNumber = agreement.Serials![0].SerialNumber } },
        })).ValidationErrors();
        Assert.Contains("deliveredOn", errors.Keys);
        Assert.Contains("items[0].itemType", errors.Keys);
        Assert.Contains("items[1].serialNumber", errors.Keys);

        using var pakistan = await app.LoginAs("pk.analyst");
        errors = await (await pakistan.Post($"{Base}/agreements/{agreement.Id}/inventories", new
        {
            place = "", latitude = 95.0, longitude = 10.0, lines = new[] { new { serialNumber = "NOPE", status = "Lost" } },
        })).ValidationErrors();
        Assert.Contains("place", errors.Keys);
        Assert.Contains("latitude", errors.Keys);
        Assert.Contains("lines[0].serialNumber", errors.Keys);
        Assert.Contains("lines[0].status", errors.Keys);
        // A viewer reads but does not record.
        using var viewer = await app.LoginAs("pk.viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.Post($"{Base}/agreements/{agreement.Id}/inventories", new { place = "x", lines = Array.Empty<object>() })).StatusCode);
    }
}
