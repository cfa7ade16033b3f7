using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jsms.Features;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
