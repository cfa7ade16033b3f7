using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Operations;

/// <summary>A new consent request through <see cref="ConsentRequestsService"/>; the area is drawn on the map or pasted as GeoJSON.</summary>
internal sealed class NewRequestModel(ConsentRequestsService requests) : JsmsPage
{
    [BindProperty] public NewRequestForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (await RefuseUnlessWriterAsync() is { } refusal)
        {
            return refusal;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await RefuseUnlessWriterAsync() is { } refusal)
        {
            return refusal;
        }
        var errors = new Dictionary<string, string[]>();
        var input = Form.ToInput(errors);
        var outcome = await requests.CreateAsync(Me, input);
        if (outcome.Value is not { } created)
        {
            Errors = outcome.Errors ?? [];
            Validate.Merge(Errors, errors);
            return Page();
        }
        if (Form.SubmitNow)
        {
            var submitted = await requests.SubmitAsync(Me, created.Id);
            Notice = submitted.Value is not null ? "Request submitted to the host authorities." : "Request saved as a draft: " + Problem(submitted);
        }
        else
        {
            Notice = "Request saved as a draft.";
        }
        return Redirect($"/Operations/Request/{created.Id}");
    }

    internal static string Problem<T>(OperationOutcome<T> outcome) where T : class
        => outcome.Conflict ?? outcome.Forbidden ?? string.Join(" ", (outcome.Errors ?? []).SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}")));
}
