using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Operations;

/// <summary>The joint operations the caller's agency is party to.</summary>
internal sealed class JointOperationsModel(JointOperationsService operations) : JsmsPage
{
    public List<JointOperationSummaryDto> Operations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        Operations = await operations.ListAsync(Me);
        return Page();
    }
}
