using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Operations;

/// <summary>A joint operation with its timeline; its parties' writers move its status and record its outcome (same checks as the API).</summary>
internal sealed class JointOperationModel(JointOperationsService operations) : JsmsPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public JointOperationDto? Operation { get; private set; }

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        Operation = await operations.GetAsync(Me, Id);
        return Operation is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(string? status, string? note)
    {
        if (await RefuseUnlessWriterAsync(hideAsNotFound: true) is { } refused)
        {
            return refused;
        }
        return await AfterAsync(await operations.MoveAsync(Me, Id, new OperationStatusInput(status, note)), "move", $"Now {status}.");
    }

    public async Task<IActionResult> OnPostOutcomeAsync(string? incidentId, int? arrests, string? itemsSeized, string? notes)
    {
        if (await RefuseUnlessWriterAsync(hideAsNotFound: true) is { } refused)
        {
            return refused;
        }
        List<Guid>? incidents = null;
        if (!string.IsNullOrWhiteSpace(incidentId))
        {
            if (!Guid.TryParse(incidentId, out var parsed))
            {
                Operation = await operations.GetAsync(Me, Id);
                return Operation is null ? NotFound() : Failed("outcome", new() { ["incidentIds"] = ["Not an incident id."] });
            }
            incidents = [parsed];
        }
        return await AfterAsync(await operations.RecordResultAsync(Me, Id, new OperationResultInput(incidents, arrests, itemsSeized, notes)), "outcome",
            "Outcome recorded.");
    }

    private async Task<IActionResult> AfterAsync(JointOperationOutcome outcome, string form, string notice)
    {
        if (outcome.Value is not null)
        {
            Notice = notice;
            return RedirectToPage(new { Id });
        }
        Operation = await operations.GetAsync(Me, Id);
        if (Operation is null)
        {
            return NotFound();
        }
        if (outcome.Errors is { } errors)
        {
            return Failed(form, errors);
        }
        Refusal = outcome.Uncovered is { } gaps
            ? "Not covered by the host's consent: " + string.Join(" ", gaps.Select(g => $"{g.Key}: {string.Join(" ", g.Value)}"))
            : outcome.Conflict ?? outcome.Forbidden ?? "Not possible.";
        Response.StatusCode = outcome.Uncovered is not null || outcome.Conflict is not null ? StatusCodes.Status409Conflict : StatusCodes.Status403Forbidden;
        return Page();
    }
}
