using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Assistance;

internal sealed class IndexModel(AssistanceService assistance) : JsmsPage
{
    public IReadOnlyList<ActivityDto> Activities { get; private set; } = [];

    [BindProperty] public IFormFile? Upload { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        Activities = await assistance.ListAsync(Me);
        return Page();
    }

    /// <summary>The IATI import through the page: the same checks as <c>POST /api/assistance/activities/import</c>.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await RefuseUnlessWriterAsync() is { } refused)
        {
            return refused;
        }
        Dictionary<string, string[]> errors;
        if (Upload is null || Upload.Length == 0)
        {
            errors = new() { ["file"] = ["Choose an IATI XML file."] };
        }
        else if (Upload.Length > AssistanceModule.MaxImportBytes)
        {
            errors = new() { ["file"] = [$"An IATI import is at most {AssistanceModule.MaxImportBytes} bytes."] };
        }
        else
        {
            await using var stream = Upload.OpenReadStream();
            var outcome = await assistance.ImportAsync(Me, stream, AssistanceModule.MaxImportBytes);
            if (outcome.Value is { } created)
            {
                return Redirect($"/Assistance/Activity/{created.Id}");
            }
            errors = outcome.Errors ?? new() { ["file"] = ["A linked commitment is not one you may read."] };
        }
        Activities = await assistance.ListAsync(Me);
        return Failed("import", errors);
    }
}
