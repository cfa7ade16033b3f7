using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jsms.Features.Training;

internal sealed class CourseModel(TrainingService training) : JsmsPage
{
    [FromRoute] public Guid Id { get; set; }

    public CourseDto Course { get; private set; } = null!;

    [BindProperty] public SessionForm NewSession { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        return await training.GetCourseAsync(Me, Id) is { } course ? Show(course) : NotFound();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await RefuseUnlessWriterAsync(hideAsNotFound: true) is { } refused)
        {
            return refused;
        }
        var outcome = await training.CreateSessionAsync(Me, Id, new CreateSessionRequest(NewSession.StartsOn, NewSession.EndsOn, NewSession.Place,
            (NewSession.Facilitators ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        if (outcome.Value is { } created)
        {
            return Redirect($"/Training/Session/{created.Id}");
        }
        if (outcome.IsNotFound || await training.GetCourseAsync(Me, Id) is not { } course)
        {
            return NotFound();
        }
        Course = course;
        return Failed("session", outcome.Errors!);
    }

    private PageResult Show(CourseDto course)
    {
        Course = course;
        return Page();
    }
}
