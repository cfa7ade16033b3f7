using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Operations;

/// <summary>
/// One consent request: its content, its decisions and the rule's progress; the requester submits, withdraws or clones
/// it, a host authority decides it (through <see cref="ConsentDecisions"/>, as the API does). 404 to anyone not a party.
/// </summary>
internal sealed class RequestModel(ConsentRequestsService requests, ConsentDecisions decisions) : JsmsPage
{
    public ConsentRequestDto Item { get; private set; } = null!;

    [BindProperty] public DecisionForm Decision { get; set; } = new();

    public bool IsRequester => Item.RequestingAgency == MyAgencyCode;

    public bool IsAuthority => Item.Authorities.Contains(MyAgencyCode);

    public bool MayDecide => IsAuthority && Me.CanWrite && Item.Status == nameof(ConsentRequestStatus.Submitted)
                             && Item.Decisions.All(d => d.Round != Item.Round || d.Authority != MyAgencyCode);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid id)
    {
        if (await RefuseUnlessWriterAsync() is { } refusal)
        {
            return refusal;
        }
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var allPersonnel = Decision.PersonnelIds is null || Decision.PersonnelIds.Count == Item.Personnel.Count
                           || Decision.Answer != nameof(ConsentAnswer.ApproveWithConditions);
        var unreadable = new Dictionary<string, string[]>();
        var input = Decision.ToInput(allPersonnel, unreadable);
        if (unreadable.Count > 0)
        {
            Errors = unreadable;
            FailedForm = "decision";
            return Page();
        }
        var outcome = await decisions.DecideAsync(Me, id, input);
        if (outcome.Value is null)
        {
            if (outcome.Errors is null && outcome.Conflict is null && outcome.Forbidden is null)
            {
                return NotFound();
            }
            Errors = outcome.Errors ?? new() { ["decision"] = [NewRequestModel.Problem(outcome)] };
            FailedForm = "decision";
            return Page();
        }
        Notice = "Your decision is recorded.";
        return Redirect($"/Operations/Request/{id}");
    }

    public Task<IActionResult> OnPostSubmitAsync(Guid id) => StepAsync(id, () => requests.SubmitAsync(Me, id), "Request submitted.");

    public Task<IActionResult> OnPostWithdrawAsync(Guid id) => StepAsync(id, () => requests.WithdrawAsync(Me, id), "Request withdrawn.");

    public async Task<IActionResult> OnPostCloneAsync(Guid id)
    {
        if (await RefuseUnlessWriterAsync() is { } refusal)
        {
            return refusal;
        }
        var outcome = await requests.CloneAsync(Me, id);
        if (outcome.Value is not { } clone)
        {
            return NotFound();
        }
        Notice = "A new draft was cloned from the request.";
        return Redirect($"/Operations/Request/{clone.Id}");
    }

    private async Task<IActionResult> StepAsync(Guid id, Func<Task<OperationOutcome<ConsentRequestDto>>> step, string done)
    {
        if (await RefuseUnlessWriterAsync() is { } refusal)
        {
            return refusal;
        }
        var outcome = await step();
        if (outcome.Value is null && outcome.Errors is null && outcome.Conflict is null)
        {
            return NotFound();
        }
        Notice = outcome.Value is not null ? done : NewRequestModel.Problem(outcome);
        return Redirect($"/Operations/Request/{id}");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await requests.GetAsync(Me, id) is not { } request)
        {
            return false;
        }
        Item = request;
        return true;
    }
}
