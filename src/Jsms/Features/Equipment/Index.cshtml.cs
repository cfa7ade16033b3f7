using System.Globalization;
using Jsms.Platform.Access;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Equipment;

internal sealed class IndexModel(EquipmentService equipment) : JsmsPage
{
    public IReadOnlyList<AgreementDto> Agreements { get; private set; } = [];

    [BindProperty] public AgreementForm NewAgreement { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        Agreements = await equipment.ListAgreementsAsync(Me);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await RefuseUnlessWriterAsync() is { } refused)
        {
            return refused;
        }
        // "type, quantity" per line; a quantity that is not a number is sent as none, so the API names the line.
        var items = (NewAgreement.Items ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line =>
            {
                var comma = line.LastIndexOf(',');
                return comma < 0
                    ? new SupplyItemDto(line, null)
                    : new SupplyItemDto(line[..comma].Trim(), int.TryParse(line[(comma + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var q) ? q : null);
            }).ToArray();
        var outcome = await equipment.CreateAgreementAsync(Me, new CreateAgreementRequest(NewAgreement.Title, NewAgreement.Recipient, items,
            NewAgreement.EndUseAssurances, NewAgreement.AssurancesSignedOn, NewAgreement.Monitoring, NewAgreement.InventoryIntervalMonths, NewAgreement.Marking.ToInput()));
        if (outcome.Value is { } created)
        {
            return Redirect($"/Equipment/Agreement/{created.Id}");
        }
        Agreements = await equipment.ListAgreementsAsync(Me);
        return Failed("agreement", outcome.Errors!);
    }
}
