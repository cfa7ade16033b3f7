using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Exercises;

internal sealed class ExerciseModel(ExercisesService exercises, ExercisePlanning planning) : ExercisePage(exercises)
{
    [BindProperty] public PhaseForm Move { get; set; } = new();

    [BindProperty] public ObjectiveRequest? NewObjective { get; set; }

    protected override string PagePath => $"/Exercises/Exercise/{Id}";

    public async Task<IActionResult> OnPostPhaseAsync()
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }
        DocumentRequest[] documents = string.IsNullOrWhiteSpace(Move.DocumentName) && string.IsNullOrWhiteSpace(Move.DocumentUrl)
                                      && string.IsNullOrWhiteSpace(Move.DocumentText)
            ? []
            : [new DocumentRequest(Move.DocumentName, Move.DocumentUrl, Move.DocumentText)];
        return await AfterAsync(await planning.MovePhaseAsync(Me, Id, new PhaseRequest(Move.To, Move.DecidedOn, Move.Note, documents)), "phase",
            $"Moved to {Move.To}.");
    }

    public async Task<IActionResult> OnPostObjectiveAsync()
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }
        return await AfterAsync(await planning.AddObjectiveAsync(Me, Id, NewObjective ?? new ObjectiveRequest(null, null)), "objective");
    }
}
