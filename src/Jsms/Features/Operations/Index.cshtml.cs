using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Operations;

/// <summary>The consent requests the caller is a party to (as requester or as a named host authority).</summary>
internal sealed class IndexModel(ConsentRequestsService requests) : JsmsPage
{
    public List<ConsentRequestSummaryDto> Requests { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        Requests = await requests.ListAsync(Me);
        return Page();
    }
}
