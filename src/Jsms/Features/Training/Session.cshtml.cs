using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jsms.Features.Training;

internal sealed class SessionModel(TrainingService training) : JsmsPage
{
    [FromRoute] public Guid Id { get; set; }

    public SessionDto Session { get; private set; } = null!;

    /// <summary>Whether the caller may change this session's enrolments (a writer of the course's provider agency).</summary>
    public bool CanEdit { get; private set; }

    [BindProperty] public EnrolForm Enrol { get; set; } = new();

    [BindProperty] public ResultForm Result { get; set; } = new();

    [BindProperty] public Guid EnrolmentId { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadCallerAsync() ? await ShowAsync() : Challenge();

    public async Task<IActionResult> OnPostEnrolAsync()
    {
        if (await RefuseUnlessWriterAsync(hideAsNotFound: true) is { } refused)
        {
            return refused;
        }
        var outcome = await training.EnrolAsync(Me, Id, new EnrolRequest(Enrol.UserName, Enrol.Name, Enrol.Agency, Enrol.Email, Enrol.Role, null));
        return outcome.Value is not null ? Redirect($"/Training/Session/{Id}") : outcome.IsNotFound ? NotFound() : await FailedAsync("enrol", outcome.Errors!);
    }

    public async Task<IActionResult> OnPostResultAsync()
    {
        if (await RefuseUnlessWriterAsync(hideAsNotFound: true) is { } refused)
        {
            return refused;
        }
        var outcome = await training.RecordResultAsync(Me, EnrolmentId, new RecordResultRequest(Result.Status, Result.Hours, Result.Grade, Result.Passed, null, null));
        return outcome.Value is not null ? Redirect($"/Training/Session/{Id}") : outcome.IsNotFound ? NotFound() : await FailedAsync("result", outcome.Errors!);
    }

    private async Task<IActionResult> ShowAsync()
    {
        if (await training.GetSessionAsync(Me, Id) is not { } session)
        {
            return NotFound();
        }
        Session = session;
        CanEdit = Me.CanWrite && (await training.GetCourseAsync(Me, session.CourseId)) is { } course && CanChange(course.Marking);
        return Page();
    }

    private async Task<IActionResult> FailedAsync(string form, Dictionary<string, string[]> errors)
    {
        var shown = await ShowAsync();
        return shown is PageResult ? Failed(form, errors) : shown;
    }
}
