using Jsms.Platform.Access;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jsms.Features.Intelligence;

/// <summary><c>/api/intelligence/rfis</c>: requests for information between partner agencies (<see cref="RfiService"/>).</summary>
internal static class RfisEndpoints
{
    public static void Map(RouteGroupBuilder group, RouteGroupBuilder writes)
    {
        group.MapGet("/rfis", List);
        group.MapGet("/rfis/{id:guid}", Get);
        writes.MapPost("/rfis", Ask);
        writes.MapPost("/rfis/{id:guid}/assign", Assign);
        writes.MapPost("/rfis/{id:guid}/answers", Answer);
        writes.MapPost("/rfis/{id:guid}/close", Close);
    }

    /// <summary>Requests to (<c>box=inbox</c>) or from (<c>box=outbox</c>) the caller's agency, or both; <c>overdue=true</c> for the late ones.</summary>
    public static async Task<Results<Ok<List<RfiSummary>>, ValidationProblem>> List(string? box, bool? overdue, Caller caller, RfiService rfis)
        => box is null or "inbox" or "outbox"
            ? TypedResults.Ok(await rfis.ListAsync(caller, box, overdue == true))
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["box"] = ["inbox, outbox or nothing for both."] });

    public static async Task<Results<Ok<RfiDto>, NotFound>> Get(Guid id, Caller caller, RfiService rfis)
        => await rfis.GetAsync(caller, id) is { } rfi ? TypedResults.Ok(rfi) : TypedResults.NotFound();

    public static async Task<Results<Created<RfiDto>, NotFound, ValidationProblem>> Ask(AskRfiRequest request, Caller caller, RfiService rfis)
        => await rfis.AskAsync(caller, request) switch
        {
            { Value: { } value } => TypedResults.Created($"/api/intelligence/rfis/{value.Id}", value),
            { Errors: { } errors } => TypedResults.ValidationProblem(errors),
            _ => TypedResults.NotFound(),
        };

    public static async Task<Results<Ok<RfiDto>, NotFound, ValidationProblem, ProblemHttpResult>> Assign(Guid id, AssignRfiRequest request, Caller caller, RfiService rfis)
        => ToResult(await rfis.AssignAsync(caller, id, request));

    public static async Task<Results<Ok<RfiDto>, NotFound, ValidationProblem, ProblemHttpResult>> Answer(Guid id, AnswerRfiRequest request, Caller caller, RfiService rfis)
        => ToResult(await rfis.AnswerAsync(caller, id, request));

    public static async Task<Results<Ok<RfiDto>, NotFound, ValidationProblem, ProblemHttpResult>> Close(Guid id, Caller caller, RfiService rfis)
        => ToResult(await rfis.CloseAsync(caller, id));

    private static Results<Ok<RfiDto>, NotFound, ValidationProblem, ProblemHttpResult> ToResult(Outcome<RfiDto> outcome) => outcome switch
    {
        { Value: { } value } => TypedResults.Ok(value),
        { Errors: { } errors } => TypedResults.ValidationProblem(errors),
        { Conflict: { } conflict } => TypedResults.Problem(conflict, statusCode: StatusCodes.Status409Conflict),
        _ => TypedResults.NotFound(),
    };
}
