using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Exercises;

internal sealed class MarkForm
{
    public Guid InjectId { get; set; }
    public string? ObservedAction { get; set; }
    public string? Assessment { get; set; }
}

internal sealed class NewInjectForm
{
    public DateTime? PlannedAt { get; set; }
    public string? Sender { get; set; }
    public string? Receiver { get; set; }
    public string? Method { get; set; }
    public string? Content { get; set; }
    public string? ExpectedAction { get; set; }
    public string? ObjectiveCode { get; set; }
}

/// <summary>The MSEL: planned before execution by the organiser, played during execution by the controllers of every exercise agency.</summary>
internal sealed class MselModel(ExercisesService exercises) : ExercisePage(exercises)
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
        var outcome = await Exercises.MarkInjectAsync(Me, Id, Mark.InjectId, new MarkInjectRequest(null, Mark.ObservedAction, Mark.Assessment));
        return await AfterAsync(outcome, $"mark-{Mark.InjectId}");
    }

    public async Task<IActionResult> OnPostReplayAsync(Guid injectId)
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }
        var outcome = await Exercises.ReplayAsync(Me, Id, injectId);
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
        var outcome = await Exercises.AddInjectAsync(Me, Id, new InjectRequest(null, NewInject.PlannedAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null,
            NewInject.Sender, NewInject.Receiver, NewInject.Method, NewInject.Content, NewInject.ExpectedAction, NewInject.ObjectiveCode, null));
        return await AfterAsync(outcome, "inject");
    }
}
