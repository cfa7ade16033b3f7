using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jsms.Features.Tracking;

/// <summary>
/// The operating picture: country outlines (no tile server), the sites and alerts the caller may see (read
/// from the API, so the access policy decides), and new alerts as the stream pushes them.
/// </summary>
internal sealed class MapModel : PageModel
{
}
