using Microsoft.AspNetCore.Http.HttpResults;

namespace Jsms.Features.Operations;

/// <summary>
/// The outcome of a joint-operation use case: the value; validation errors (400); a named reference the caller may not
/// read (404 naming the field); forbidden (403); a status the operation cannot move to (409); or a consent that does not
/// cover it (409 with <c>uncovered</c>: what is not covered, by field).
/// </summary>
internal sealed class JointOperationOutcome
{
    public JointOperationDto? Value { get; private init; }
    public Dictionary<string, string[]>? Errors { get; private init; }
    public string? Missing { get; private init; }
    public string? Forbidden { get; private init; }
    public string? Conflict { get; private init; }
    public Dictionary<string, string[]>? Uncovered { get; private init; }

    public static JointOperationOutcome Ok(JointOperationDto value) => new() { Value = value };
    public static JointOperationOutcome Invalid(Dictionary<string, string[]> errors) => new() { Errors = errors };
    public static JointOperationOutcome NotFound(string? field = null) => new() { Missing = field };
    public static JointOperationOutcome NotAllowed(string why) => new() { Forbidden = why };
    public static JointOperationOutcome InConflict(string why) => new() { Conflict = why };
    public static JointOperationOutcome NotCovered(Dictionary<string, string[]> gaps) => new() { Uncovered = gaps };

    public Results<Ok<JointOperationDto>, NotFound, ValidationProblem, ProblemHttpResult> ToResult()
        => Value is { } value ? TypedResults.Ok(value) : Errors is { } errors ? TypedResults.ValidationProblem(errors) : Problem() is { } p ? p : TypedResults.NotFound();

    public Results<Created<JointOperationDto>, NotFound, ValidationProblem, ProblemHttpResult> ToCreated()
        => Value is { } value ? TypedResults.Created($"/api/operations/joint/{value.Id}", value)
            : Errors is { } errors ? TypedResults.ValidationProblem(errors) : Problem() is { } p ? p : TypedResults.NotFound();

    private ProblemHttpResult? Problem() => this switch
    {
        { Missing: { } field } => TypedResults.Problem($"'{field}' names no record you may read.", statusCode: StatusCodes.Status404NotFound,
            title: "Not found", extensions: new Dictionary<string, object?> { ["field"] = field }),
        { Forbidden: { } why } => TypedResults.Problem(why, statusCode: StatusCodes.Status403Forbidden, title: "Not yours to do"),
        { Conflict: { } why } => TypedResults.Problem(why, statusCode: StatusCodes.Status409Conflict, title: "Not possible in this state"),
        { Uncovered: { } gaps } => TypedResults.Problem(
            "The consent does not cover the operation: " + string.Join(" ", gaps.Select(g => $"{g.Key}: {string.Join(" ", g.Value)}")),
            statusCode: StatusCodes.Status409Conflict, title: "Not covered by the host's consent",
            extensions: new Dictionary<string, object?> { ["uncovered"] = gaps }),
        _ => null,
    };
}
