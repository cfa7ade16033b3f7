using Jsms.Platform.Access;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Exercises;

internal sealed class IndexModel(ExercisesService exercises) : JsmsPage
{
    public List<ExerciseSummaryDto> Exercises { get; private set; } = [];

    [BindProperty] public NewExerciseForm NewExercise { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        Exercises = await exercises.ListAsync(Me);
        NewExercise.StartsOn = Date(exercises.Today.AddDays(30));
        NewExercise.EndsOn = Date(exercises.Today.AddDays(32));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await RefuseUnlessWriterAsync() is { } refused)
        {
            return refused;
        }
        var objectives = (NewExercise.Objectives ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(':', 2, StringSplitOptions.TrimEntries))
            .Select(parts => new ObjectiveRequest(parts[0], parts.Length > 1 ? parts[1] : null)).ToArray();
        var outcome = await exercises.CreateAsync(Me, new CreateExerciseRequest(NewExercise.Name, NewExercise.Kind, NewExercise.Scenario,
            NewExercise.StartsOn, NewExercise.EndsOn, SplitCodes(NewExercise.Participants), null, null, objectives, NewExercise.Marking.ToInput()));
        if (outcome.Value is { } created)
        {
            return Redirect($"/Exercises/Exercise/{created.Id}");
        }
        Exercises = await exercises.ListAsync(Me);
        return Failed("exercise", outcome.Errors ?? []);
    }
}
