using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Exercises;

/// <summary>What the pages of one exercise share: the exercise as the caller may read it, and the answer to a posted form.</summary>
internal abstract class ExercisePage(ExercisesService exercises) : JsmsPage
{
    [FromRoute] public Guid Id { get; set; }

    public ExerciseDto Exercise { get; private set; } = null!;

    protected ExercisesService Exercises => exercises;

    public DateOnly Today => exercises.Today;

    public DateTime Now => exercises.Now;

    /// <summary>The page's own path, where a successful post returns.</summary>
    protected abstract string PagePath { get; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    protected async Task<bool> LoadAsync()
    {
        if (!await LoadCallerAsync() || await exercises.GetAsync(Me, Id) is not { } exercise)
        {
            return false;
        }
        Exercise = exercise;
        return true;
    }

    /// <summary>Back to the page on success; the form again with its errors (400), or the refusal of the phase (409), otherwise.</summary>
    protected async Task<IActionResult> AfterAsync<T>(Outcome<T> outcome, string form, string? notice = null) where T : class
    {
        if (outcome.Value is not null)
        {
            Notice = notice;
            return Redirect(PagePath);
        }
        if (outcome.IsNotFound || !await LoadAsync())
        {
            return NotFound();
        }
        if (outcome.Conflict is { } why)
        {
            var result = Failed(form, new Dictionary<string, string[]> { ["phase"] = [why] });
            Response.StatusCode = StatusCodes.Status409Conflict;
            return result;
        }
        return Failed(form, outcome.Errors!);
    }

    protected async Task<IActionResult?> RefuseAsync() => await RefuseUnlessWriterAsync(hideAsNotFound: true);
}
