using Jsms.Platform.Access;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Lessons;

/// <summary>The lessons board: open remedial actions by action body, overdue first; the lessons the caller may read; a new observation.</summary>
internal sealed class IndexModel(LessonsService lessons) : JsmsPage
{
    public LessonBoardDto Board { get; private set; } = null!;

    public List<LessonDto> Lessons { get; private set; } = [];

    [BindProperty] public ObservationForm NewObservation { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        await LoadAsync();
        NewObservation.ObservedOn = Date(lessons.Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await RefuseUnlessWriterAsync() is { } refused)
        {
            return refused;
        }
        Outcome<LessonDto> outcome;
        try
        {
            outcome = await lessons.CreateAsync(Me, new CreateObservationRequest(NewObservation.Title, NewObservation.Observation,
                NewObservation.ObservedOn, NewObservation.ExerciseId, null, null, NewObservation.Marking.ToInput()));
        }
        catch (UnreadableReferenceException unreadable)
        {
            await LoadAsync();
            return Failed("observation", unreadable.Errors());
        }
        if (outcome.Value is { } created)
        {
            return Redirect($"/Lessons/Lesson/{created.Id}");
        }
        await LoadAsync();
        return Failed("observation", outcome.Errors ?? []);
    }

    private async Task LoadAsync()
    {
        Board = await lessons.BoardAsync(Me);
        Lessons = (await lessons.ListAsync(Me, null, null)).Value ?? [];
    }
}
