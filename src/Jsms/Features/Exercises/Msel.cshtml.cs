using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Exercises;

/// <summary>The MSEL: planned before execution by the organiser, played during execution by the controllers of every exercise agency.</summary>
internal sealed class MselModel(ExercisesService exercises, ExerciseControl control) : ExercisePage(exercises)
{
    [BindProperty] public MarkForm Mark { get; set; } = new();

    [BindProperty] public NewInjectForm NewInject { get; set; } = new();

    /// <summary>The outcome of the last replay, shown once.</summary>
    [TempData] public string? ReplayOutcome { get; set; }

    protected override string PagePath => $"/Exercises/Msel/{Id}";

    public async Task<IActionResult> OnPostMarkAsync()
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }
        var outcome = await control.MarkInjectAsync(Me, Id, Mark.InjectId, new MarkInjectRequest(null, Mark.ObservedAction, Mark.Assessment));
        return await AfterAsync(outcome, $"mark-{Mark.InjectId}");
    }

    public async Task<IActionResult> OnPostReplayAsync(Guid injectId)
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }
        var outcome = await control.ReplayAsync(Me, Id, injectId);
        if (outcome.Value is { } result)
        {
            ReplayOutcome = result.Reason;
        }
        return await AfterAsync(outcome, $"mark-{injectId}");
    }

    public async Task<IActionResult> OnPostInjectAsync()
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }
        var outcome = await control.AddInjectAsync(Me, Id, new InjectRequest(null, NewInject.PlannedAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null,
            NewInject.Sender, NewInject.Receiver, NewInject.Method, NewInject.Content, NewInject.ExpectedAction, NewInject.ObjectiveCode, null));
        return await AfterAsync(outcome, "inject");
    }
}
