using Jsms.Platform.Access;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Lessons;

/// <summary>One lesson with the form of its next step (<see cref="LessonStages"/>).</summary>
internal sealed class LessonModel(LessonsService lessons) : JsmsPage
{
    [FromRoute] public Guid Id { get; set; }

    public LessonDto Lesson { get; private set; } = null!;

    public DateOnly Today => lessons.Today;

    [BindProperty] public IdentifyLessonRequest? Identify { get; set; }

    [BindProperty] public AssignActionRequest? Assign { get; set; }

    [BindProperty] public ActionStatusRequest? Status { get; set; }

    [BindProperty] public ValidateLessonRequest? Validation { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public Task<IActionResult> OnPostIdentifyAsync()
        => StepAsync("identify", () => lessons.IdentifyAsync(Me, Id, Identify ?? new IdentifyLessonRequest(null, null)));

    public Task<IActionResult> OnPostAssignAsync()
        => StepAsync("assign", () => lessons.AssignActionAsync(Me, Id, Assign ?? new AssignActionRequest(null, null, null)));

    public Task<IActionResult> OnPostStatusAsync()
        => StepAsync("status", () => lessons.UpdateActionAsync(Me, Id, Status ?? new ActionStatusRequest(null)));

    public Task<IActionResult> OnPostValidateAsync()
        => StepAsync("validate", () => lessons.ValidateAsync(Me, Id, Validation ?? new ValidateLessonRequest(null, null)));

    private async Task<IActionResult> StepAsync(string form, Func<Task<Outcome<LessonDto>>> step)
    {
        if (await RefuseUnlessWriterAsync(hideAsNotFound: true) is { } refused)
        {
            return refused;
        }
        Outcome<LessonDto> outcome;
        try
        {
            outcome = await step();
        }
        catch (UnreadableReferenceException unreadable)
        {
            return await LoadAsync() ? Failed(form, unreadable.Errors()) : NotFound();
        }
        if (outcome.Value is not null)
        {
            return Redirect($"/Lessons/Lesson/{Id}");
        }
        if (outcome.IsNotFound || !await LoadAsync())
        {
            return NotFound();
        }
        if (outcome.Conflict is { } why)
        {
            var result = Failed(form, new Dictionary<string, string[]> { ["stage"] = [why] });
            Response.StatusCode = StatusCodes.Status409Conflict;
            return result;
        }
        return Failed(form, outcome.Errors!);
    }

    private async Task<bool> LoadAsync()
    {
        if (!await LoadCallerAsync() || await lessons.GetAsync(Me, Id) is not { } lesson)
        {
            return false;
        }
        Lesson = lesson;
        return true;
    }
}
