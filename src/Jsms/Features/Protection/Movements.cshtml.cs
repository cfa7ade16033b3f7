using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Protection;

/// <summary>The movements the caller may see (need to know); listing them is an audited look, as in the API.</summary>
internal sealed class MovementsModel(MovementsService movements) : JsmsPage
{
    public List<MovementSummaryDto> Movements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        Movements = await movements.ListMovementsAsync(Me);
        return Page();
    }

    public static string StatusClass(MovementStatus status) => status switch
    {
        MovementStatus.Overdue or MovementStatus.Aborted => "danger",
        MovementStatus.UnderWay => "warn",
        MovementStatus.Arrived => "ok",
        _ => "",
    };
}
