using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jsms.Features.Errors;

/// <summary>
/// Shown in place of a browser request that ended in an error status without a body (see Platform/Web/StatusPages.cs):
/// what happened, what to do next and a way back. The status code stays that of the refused request. Anyone may see
/// it (an anonymous 404 too); asked for directly it does not exist.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
internal sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    /// <summary>What was refused: the method and path of the original request.</summary>
    public string? Refused { get; private set; }

    public IActionResult OnGet(int code) => Show(code);

    // A refused form post is re-executed as a post.
    public IActionResult OnPost(int code) => Show(code);

    private IActionResult Show(int code)
    {
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not { } original)
        {
            return NotFound();
        }
        Code = code;
        Refused = $"{Request.Method} {original.OriginalPathBase}{original.OriginalPath}";
        return Page();
    }
}
