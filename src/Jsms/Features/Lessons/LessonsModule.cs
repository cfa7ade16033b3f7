using Jsms.Features.Exercises;
using Jsms.Platform.Access;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jsms.Features.Lessons;

/// <summary>
/// Lessons learned across partners under <c>/api/lessons</c>: observations (from an exercise, an operation or an
/// incident), lessons identified, remedial actions and lessons learned, and the board of open remedial actions. The use
/// cases live in <see cref="LessonsService"/>; a lesson the caller may not read is 404, a step out of order 409.
/// </summary>
internal static class LessonsModule
{
    public static IServiceCollection AddLessons(this IServiceCollection services)
    {
        services.AddScoped<LessonsService>();
        return services;
    }

    public static IEndpointRouteBuilder MapLessons(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/lessons", "Lessons");
        group.MapGet("", List);
        group.MapGet("/board", Board);
        group.MapGet("/{id:guid}", Get);

        var writes = group.MapWritesGroup();
        writes.MapPost("", Create);
        writes.MapPost("/from-improvement", FromImprovement);
        writes.MapPost("/{id:guid}/identify", Identify);
        writes.MapPost("/{id:guid}/action", AssignAction);
        writes.MapPatch("/{id:guid}/action", UpdateAction);
        writes.MapPost("/{id:guid}/validate", ValidateLesson);
        return app;
    }

    /// <summary>The lessons the caller may read, newest observation first, filtered by stage and exercise.</summary>
    public static async Task<Results<Ok<List<LessonDto>>, ValidationProblem>> List(string? stage, Guid? exerciseId, Caller caller, LessonsService lessons)
    {
        var outcome = await lessons.ListAsync(caller, stage, exerciseId);
        return outcome.Value is { } list ? TypedResults.Ok(list) : TypedResults.ValidationProblem(outcome.Errors!);
    }

    /// <summary>Open remedial actions the caller may read, by action body, overdue first.</summary>
    public static async Task<Ok<LessonBoardDto>> Board(Caller caller, LessonsService lessons) => TypedResults.Ok(await lessons.BoardAsync(caller));

    public static async Task<Results<Ok<LessonDto>, NotFound>> Get(Guid id, Caller caller, LessonsService lessons)
        => await lessons.GetAsync(caller, id) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    /// <summary>Records an observation (AMBER by default, released as the marking says).</summary>
    public static async Task<Results<Created<LessonDto>, NotFound, ValidationProblem>> Create(CreateObservationRequest request, Caller caller,
        LessonsService lessons)
        => await lessons.CreateAsync(caller, request) switch
        {
            { Value: { } value } => TypedResults.Created($"/api/lessons/{value.Id}", value),
            { Errors: { } errors } => TypedResults.ValidationProblem(errors),
            _ => TypedResults.NotFound(),
        };

    /// <summary>Turns an improvement-plan item of one of the caller's agency's exercises into an observation.</summary>
    public static async Task<Results<Ok<LessonDto>, NotFound, ValidationProblem, ProblemHttpResult>> FromImprovement(
        LessonFromImprovementRequest request, Caller caller, LessonsService lessons)
        => ExercisesModule.Result(await lessons.FromImprovementAsync(caller, request));

    public static async Task<Results<Ok<LessonDto>, NotFound, ValidationProblem, ProblemHttpResult>> Identify(Guid id, IdentifyLessonRequest request,
        Caller caller, LessonsService lessons)
        => ExercisesModule.Result(await lessons.IdentifyAsync(caller, id, request));

    public static async Task<Results<Ok<LessonDto>, NotFound, ValidationProblem, ProblemHttpResult>> AssignAction(Guid id, AssignActionRequest request,
        Caller caller, LessonsService lessons)
        => ExercisesModule.Result(await lessons.AssignActionAsync(caller, id, request));

    public static async Task<Results<Ok<LessonDto>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAction(Guid id, ActionStatusRequest request,
        Caller caller, LessonsService lessons)
        => ExercisesModule.Result(await lessons.UpdateActionAsync(caller, id, request));

    public static async Task<Results<Ok<LessonDto>, NotFound, ValidationProblem, ProblemHttpResult>> ValidateLesson(Guid id, ValidateLessonRequest request,
        Caller caller, LessonsService lessons)
        => ExercisesModule.Result(await lessons.ValidateAsync(caller, id, request));
}
