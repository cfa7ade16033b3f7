using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Training;

/// <summary>The Programmes menu entry: links to training, equipment and assistance.</summary>
internal sealed class ProgrammesModel : JsmsPage
{
    public async Task<IActionResult> OnGetAsync() => await LoadCallerAsync() ? Page() : Challenge();
}
