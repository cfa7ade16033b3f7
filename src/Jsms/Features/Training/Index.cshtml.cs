using Jsms.Platform.Access;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Training;

internal sealed class IndexModel(TrainingService training) : JsmsPage
{
    public IReadOnlyList<CourseDto> Courses { get; private set; } = [];

    public IReadOnlyList<EnrolmentDto> Expiring { get; private set; } = [];

    public int WithinDays => training.WarnDays;

    [BindProperty] public CourseForm NewCourse { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await RefuseUnlessWriterAsync() is { } refused)
        {
            return refused;
        }
        var outcome = await training.CreateCourseAsync(Me, new CreateCourseRequest(NewCourse.Topic, NewCourse.Description, NewCourse.Kind,
            NewCourse.DurationHours, NewCourse.CertificateValidityMonths, NewCourse.Marking.ToInput()));
        if (outcome.Value is { } created)
        {
            return Redirect($"/Training/Course/{created.Id}");
        }
        await LoadAsync();
        return Failed("course", outcome.Errors!);
    }

    private async Task LoadAsync()
    {
        Courses = await training.ListCoursesAsync(Me);
        Expiring = await training.ExpiringAsync(Me, training.WarnDays);
    }
}
