using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Operations;

/// <summary>
/// The consent register (without its map): the consents the caller may read, optionally for one host state. A writer of
/// a consent's host authorities suspends, resumes or revokes it here and chooses which other partners it is released to,
/// through <see cref="ConsentsService"/> as the API does; a writer of the requesting agency starts an amendment.
/// </summary>
internal sealed class ConsentsModel(ConsentsService consents, ConsentRequestsService requests, JsmsDbContext db) : JsmsPage
{
    public List<ConsentDto> Consents { get; private set; } = [];

    /// <summary>The requests (by id) on which the caller's agency is a host authority.</summary>
    public HashSet<Guid> HostedRequests { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public string? State { get; set; }

    public bool MayChangeStatus(ConsentDto consent) => Me.CanWrite && HostedRequests.Contains(consent.RequestId);

    public bool MayAmend(ConsentDto consent) => Me.CanWrite && consent.RequestingAgency == MyAgencyCode && consent.Status is "Active" or "Suspended";

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        Consents = await consents.ListAsync(Me, State);
        var requestIds = Consents.Select(c => c.RequestId).ToList();
        HostedRequests = [.. await db.Set<ConsentAuthority>().AsNoTracking()
            .Where(a => a.AgencyId == Me.AgencyId && requestIds.Contains(a.RequestId)).Select(a => a.RequestId).ToListAsync()];
        return Page();
    }

    public Task<IActionResult> OnPostSuspendAsync(Guid id, string? reason)
        => StepAsync(() => consents.SuspendAsync(Me, id, new ConsentStatusInput(reason)), "Consent suspended.");

    public Task<IActionResult> OnPostResumeAsync(Guid id, string? reason)
        => StepAsync(() => consents.ResumeAsync(Me, id, new ConsentStatusInput(reason)), "Consent resumed.");

    public Task<IActionResult> OnPostRevokeAsync(Guid id, string? reason)
        => StepAsync(() => consents.RevokeAsync(Me, id, new ConsentStatusInput(reason)), "Consent revoked.");

    /// <summary>The host's release of the consent to other partners (agency codes, comma separated); its parties always keep it.</summary>
    public Task<IActionResult> OnPostReleaseAsync(Guid id, string? releaseTo)
        => StepAsync(() => consents.ReleaseAsync(Me, id, new MarkingInput(null,
            [.. (releaseTo ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)], null)), "Release updated.");

    /// <summary>A new draft request amending the consent (it needs a decision like any request), opened for editing.</summary>
    public async Task<IActionResult> OnPostAmendAsync(Guid id)
    {
        if (await RefuseUnlessWriterAsync(hideAsNotFound: true) is { } refusal)
        {
            return refusal;
        }
        var outcome = await requests.AmendAsync(Me, id);
        if (outcome.Value is { } draft)
        {
            Notice = "A draft amendment was made from the consent's request: change it and submit it.";
            return Redirect($"/Operations/Request/{draft.Id}");
        }
        if (outcome.Forbidden is not null)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (outcome.Conflict is null)
        {
            return NotFound();
        }
        Notice = outcome.Conflict;
        return Redirect("/Operations/Consents");
    }

    private async Task<IActionResult> StepAsync(Func<Task<OperationOutcome<ConsentDto>>> step, string done)
    {
        if (await RefuseUnlessWriterAsync(hideAsNotFound: true) is { } refusal)
        {
            return refusal;
        }
        var outcome = await step();
        if (outcome.Forbidden is not null)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (outcome.Value is null && outcome.Errors is null && outcome.Conflict is null)
        {
            return NotFound();
        }
        Notice = outcome.Value is not null ? done
            : outcome.Conflict ?? string.Join(" ", outcome.Errors!.SelectMany(e => e.Value));
        return Redirect("/Operations/Consents" + (string.IsNullOrEmpty(State) ? "" : "?State=" + Uri.EscapeDataString(State)));
    }
}
