using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Operations;

/// <summary>The consent register (without its map): the consents the caller may read, optionally for one host state.</summary>
internal sealed class ConsentsModel(ConsentsService consents) : JsmsPage
{
    public List<ConsentDto> Consents { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public string? State { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        Consents = await consents.ListAsync(Me, State);
        return Page();
    }
}
