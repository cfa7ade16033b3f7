using System.Text;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Protection;

/// <summary>
/// "Who has seen this movement", for the owner agency's coordinators and administrators (404 for anyone else), with
/// a CSV export. Running it is audited, as <c>GET /api/movements/{id}/access-log</c>.
/// </summary>
internal sealed class MovementAccessModel(MovementsService movements) : JsmsPage
{
    [FromRoute] public Guid Id { get; set; }

    public List<MovementAccessDto> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        if (await movements.AccessLogAsync(Me, Id, csv: false) is not { } entries)
        {
            return NotFound();
        }
        Entries = entries;
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        if (await movements.AccessLogAsync(Me, Id, csv: true) is not { } entries)
        {
            return NotFound();
        }
        return File(Encoding.UTF8.GetBytes(MovementsService.AccessLogCsv(entries)), "text/csv", $"movement-{Id}-access-log.csv");
    }
}
