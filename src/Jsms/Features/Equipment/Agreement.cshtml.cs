using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jsms.Features.Equipment;

internal sealed class AgreementModel(EquipmentService equipment, TransferConsent consent) : JsmsPage
{
    [FromRoute] public Guid Id { get; set; }

    public AgreementDto Agreement { get; private set; } = null!;

    public bool IsSupplier => Me.CanWrite && Agreement.Supplier == MyAgencyCode;

    public bool IsRecipient => Me.CanWrite && Agreement.Recipient == MyAgencyCode;

    public bool MayCheck => IsSupplier || IsRecipient;

    [BindProperty] public DeliveryForm Delivery { get; set; } = new();

    [BindProperty] public InventoryForm Inventory { get; set; } = new();

    [BindProperty] public TransferForm Transfer { get; set; } = new();

    [BindProperty] public Guid TransferId { get; set; }

    [BindProperty] public bool? Approve { get; set; }

    [BindProperty] public string? DecisionReason { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadCallerAsync() ? await ShowAsync() : Challenge();

    public async Task<IActionResult> OnPostDeliveryAsync()
    {
        if (await RefuseUnlessWriterAsync(hideAsNotFound: true) is { } refused)
        {
            return refused;
        }
        var items = (Delivery.Items ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.LastIndexOf(',') is var comma and >= 0
                ? new DeliveredItemInput(line[..comma].Trim(), line[(comma + 1)..].Trim())
                : new DeliveredItemInput(null, line)).ToArray();
        var outcome = await equipment.RecordDeliveryAsync(Me, Id, new RecordDeliveryRequest(Delivery.DeliveredOn, Delivery.Note, items));
        return await AfterAsync(outcome.IsNotFound, outcome.Errors, "delivery");
    }

    public async Task<IActionResult> OnPostInventoryAsync()
    {
        if (await RefuseUnlessWriterAsync(hideAsNotFound: true) is { } refused)
        {
            return refused;
        }
        var lines = Inventory.Serials.Select((s, i) => new InventoryLineDto(s, i < Inventory.Statuses.Count ? Inventory.Statuses[i] : null, null)).ToArray();
        var outcome = await equipment.RecordInventoryAsync(Me, Id, new RecordInventoryRequest(null, Inventory.Place, Inventory.Latitude, Inventory.Longitude,
            Inventory.CheckerName, lines));
        return await AfterAsync(outcome.IsNotFound, outcome.Errors, "inventory");
    }

    public async Task<IActionResult> OnPostTransferAsync()
    {
        if (await RefuseUnlessWriterAsync(hideAsNotFound: true) is { } refused)
        {
            return refused;
        }
        var outcome = await consent.RequestAsync(Me, Id, new RequestTransferRequest(Transfer.ThirdParty,
            (Transfer.SerialNumbers ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), Transfer.Reason));
        return await AfterAsync(outcome.IsNotFound, outcome.Errors, "transfer");
    }

    public async Task<IActionResult> OnPostDecideAsync()
    {
        if (await RefuseUnlessWriterAsync(hideAsNotFound: true) is { } refused)
        {
            return refused;
        }
        var (outcome, forbidden) = await consent.DecideAsync(Me, TransferId, new DecideTransferRequest(Approve, DecisionReason));
        if (forbidden is not null)
        {
            return Forbid();
        }
        var errors = outcome.Errors ?? (outcome.Conflict is { } why ? new Dictionary<string, string[]> { ["decision"] = [why] } : null);
        return await AfterAsync(outcome.IsNotFound, errors, "decision");
    }

    private async Task<IActionResult> AfterAsync(bool notFound, Dictionary<string, string[]>? errors, string form)
    {
        if (notFound)
        {
            return NotFound();
        }
        if (errors is null)
        {
            return Redirect($"/Equipment/Agreement/{Id}");
        }
        var shown = await ShowAsync();
        return shown is PageResult ? Failed(form, errors) : shown;
    }

    private async Task<IActionResult> ShowAsync()
    {
        if (await equipment.GetAgreementAsync(Me, Id) is not { } agreement)
        {
            return NotFound();
        }
        Agreement = agreement;
        return Page();
    }
}
