using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jsms.Features.Tracking;

/// <summary>
/// The operating picture: the base map (Features/Map), the sites and alerts the caller may see (read from the API, so
/// the access policy decides), and new alerts as the stream pushes them.
/// </summary>
internal sealed class MapModel(IActionDescriptorCollectionProvider actions) : PageModel
{
    /// <summary>Where an alert in the panel leads: its own page when the application has one, else the alerts list.</summary>
    public string AlertUrl { get; private set; } = "/Alerts";

    public void OnGet()
    {
        var hasDetail = actions.ActionDescriptors.Items.OfType<PageActionDescriptor>()
            .Any(a => string.Equals(a.ViewEnginePath, "/Alerts/Detail", StringComparison.OrdinalIgnoreCase));
        AlertUrl = hasDetail ? "/Alerts/Detail/{id}" : "/Alerts";
    }
}
