using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Jsms.Features.Intelligence;

/// <summary>/Intelligence/Rfi?id=: one request with its addressees and answers; assign and answer (asked agency), close (asker). Not visible: 404.</summary>
internal sealed class IntelligenceRfiModel(RfiService rfis, IStringLocalizer<SharedResource> text) : JsmsPage
{
    public RfiDto Rfi { get; private set; } = null!;

    /// <summary>The caller's agency is one of those asked (it may assign and answer).</summary>
    public bool Asked => Rfi.Addressees.Any(a => a.Agency == MyAgencyCode);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostAssignAsync(Guid id, string? user) => ActAsync(id, "assign", () => rfis.AssignAsync(Me, id, new AssignRfiRequest(user)));

    public Task<IActionResult> OnPostAnswerAsync(Guid id, string? answer, string? stixIds)
        => ActAsync(id, "answer", () => rfis.AnswerAsync(Me, id, new AnswerRfiRequest(answer, SplitCodes(stixIds))));

    public Task<IActionResult> OnPostCloseAsync(Guid id) => ActAsync(id, "close", () => rfis.CloseAsync(Me, id));

    private async Task<IActionResult> ActAsync(Guid id, string form, Func<Task<Outcome<RfiDto>>> act)
    {
        if (await RefuseUnlessWriterAsync() is { } refused)
        {
            return refused;
        }
        var outcome = await act();
        if (outcome.IsNotFound)
        {
            return NotFound();
        }
        if (outcome.Errors is { } errors)
        {
            await LoadAsync(id);
            return Failed(form, errors);
        }
        Notice = outcome.Conflict ?? text["Rfi.Done"].Value;
        return Redirect($"/Intelligence/Rfi?id={id}");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await rfis.GetAsync(Me, id) is not { } rfi)
        {
            return false;
        }
        Rfi = rfi;
        return true;
    }
}
