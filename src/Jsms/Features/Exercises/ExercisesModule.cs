using Jsms.Platform.Access;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jsms.Features.Exercises;

/// <summary>
/// Joint exercises under <c>/api/exercises</c>: phases, objectives, the MSEL, exercise replay of simulated events, the
/// after-action report and the improvement plan. The use cases live in <see cref="ExercisesService"/>, <see cref="ExercisePlanning"/> and
/// <see cref="ExerciseControl"/> (shared with the pages); the handlers here only turn outcomes into results. A record the caller may not read or change is 404; a
/// change the exercise's phase does not allow is 409 with the reason; viewers get 403 on every change.
/// </summary>
internal static class ExercisesModule
{
    public static IServiceCollection AddExercises(this IServiceCollection services)
    {
        services.AddScoped<ExercisesService>();
        services.AddScoped<ExercisePlanning>();
        services.AddScoped<ExerciseControl>();
        services.AddSingleton<AarMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<AarMonitor>());
        return services;
    }

    public static IEndpointRouteBuilder MapExercises(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/exercises", "Exercises");
        group.MapGet("", List);
        group.MapGet("/{id:guid}", Get);

        var writes = group.MapWritesGroup();
        writes.MapPost("", Create);
        writes.MapPost("/{id:guid}/objectives", AddObjective);
        writes.MapPut("/{id:guid}/objectives/{objectiveId:guid}", AssessObjective);
        writes.MapPost("/{id:guid}/phase", MovePhase);
        writes.MapPost("/{id:guid}/injects", AddInject);
        writes.MapPost("/{id:guid}/injects/{injectId:guid}/mark", MarkInject);
        writes.MapPost("/{id:guid}/injects/{injectId:guid}/replay", Replay);
        writes.MapPut("/{id:guid}/aar", UpdateAar);
        writes.MapPost("/{id:guid}/improvements", AddImprovement);
        writes.MapPatch("/{id:guid}/improvements/{itemId:guid}", UpdateImprovement);
        return app;
    }

    public static async Task<Ok<List<ExerciseSummaryDto>>> List(Caller caller, ExercisesService exercises)
        => TypedResults.Ok(await exercises.ListAsync(caller));

    /// <summary>The exercise with objectives, MSEL, phase decisions, after-action report and improvement plan.</summary>
    public static async Task<Results<Ok<ExerciseDto>, NotFound>> Get(Guid id, Caller caller, ExercisesService exercises)
        => await exercises.GetAsync(caller, id) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    /// <summary>A new exercise in the Concept phase, owned by the caller's agency and released to each participating agency (AMBER by default).</summary>
    public static async Task<Results<Created<ExerciseDto>, NotFound, ValidationProblem>> Create(CreateExerciseRequest request, Caller caller,
        ExercisesService exercises)
        => await exercises.CreateAsync(caller, request) switch
        {
            { Value: { } value } => TypedResults.Created($"/api/exercises/{value.Id}", value),
            { Errors: { } errors } => TypedResults.ValidationProblem(errors),
            _ => TypedResults.NotFound(),
        };

    public static async Task<Results<Ok<ExerciseDto>, NotFound, ValidationProblem, ProblemHttpResult>> AddObjective(Guid id, ObjectiveRequest request,
        Caller caller, ExercisePlanning planning)
        => Result(await planning.AddObjectiveAsync(caller, id, request));

    /// <summary>Records an objective's result (Met, PartiallyMet, NotMet) with evidence, strengths and areas for improvement.</summary>
    public static async Task<Results<Ok<ExerciseDto>, NotFound, ValidationProblem, ProblemHttpResult>> AssessObjective(Guid id, Guid objectiveId,
        ObjectiveResultRequest request, Caller caller, ExercisePlanning planning)
        => Result(await planning.AssessObjectiveAsync(caller, id, objectiveId, request));

    /// <summary>Moves to the next phase (or Cancelled) with a dated decision and its documents; 409 when the phase rules refuse.</summary>
    public static async Task<Results<Ok<ExerciseDto>, NotFound, ValidationProblem, ProblemHttpResult>> MovePhase(Guid id, PhaseRequest request,
        Caller caller, ExercisePlanning planning)
        => Result(await planning.MovePhaseAsync(caller, id, request));

    /// <summary>A planned inject (organiser, before execution) or an unplanned one (a controller, during execution).</summary>
    public static async Task<Results<Ok<ExerciseDto>, NotFound, ValidationProblem, ProblemHttpResult>> AddInject(Guid id, InjectRequest request,
        Caller caller, ExerciseControl control)
        => Result(await control.AddInjectAsync(caller, id, request));

    /// <summary>Marks an inject delivered, the player action observed and its assessment (a controller, during execution only).</summary>
    public static async Task<Results<Ok<ExerciseDto>, NotFound, ValidationProblem, ProblemHttpResult>> MarkInject(Guid id, Guid injectId,
        MarkInjectRequest request, Caller caller, ExerciseControl control)
        => Result(await control.MarkInjectAsync(caller, id, injectId, request));

    /// <summary>Replays the inject's simulated event on the exercise copy: an alert marked EXERCISE for the exercise's agencies only.</summary>
    public static async Task<Results<Ok<ReplayResultDto>, NotFound, ValidationProblem, ProblemHttpResult>> Replay(Guid id, Guid injectId,
        Caller caller, ExerciseControl control)
        => Result(await control.ReplayAsync(caller, id, injectId));

    public static async Task<Results<Ok<ExerciseDto>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAar(Guid id, AarRequest request,
        Caller caller, ExercisePlanning planning)
        => Result(await planning.UpdateAarAsync(caller, id, request));

    public static async Task<Results<Ok<ExerciseDto>, NotFound, ValidationProblem, ProblemHttpResult>> AddImprovement(Guid id, ImprovementRequest request,
        Caller caller, ExercisePlanning planning)
        => Result(await planning.AddImprovementAsync(caller, id, request));

    public static async Task<Results<Ok<ExerciseDto>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateImprovement(Guid id, Guid itemId,
        ImprovementStatusRequest request, Caller caller, ExercisePlanning planning)
        => Result(await planning.UpdateImprovementAsync(caller, id, itemId, request));

    internal static Results<Ok<T>, NotFound, ValidationProblem, ProblemHttpResult> Result<T>(Outcome<T> outcome) where T : class => outcome switch
    {
        { Value: { } value } => TypedResults.Ok(value),
        { Errors: { } errors } => TypedResults.ValidationProblem(errors),
        { Conflict: { } why } => TypedResults.Problem(why, statusCode: StatusCodes.Status409Conflict, title: "Not allowed in the present state"),
        _ => TypedResults.NotFound(),
    };
}
