using Microsoft.AspNetCore.Http.HttpResults;

namespace Jsms.Features.Operations;

/// <summary>
/// The outcome of an operations use case: the value; validation errors (400); forbidden (403: the caller may read the
/// record but this step is not theirs); a conflict with the record's state (409); or not found (404).
/// </summary>
internal sealed class OperationOutcome<T> where T : class
{
    private OperationOutcome(T? value, Dictionary<string, string[]>? errors, string? forbidden, string? conflict)
        => (Value, Errors, Forbidden, Conflict) = (value, errors, forbidden, conflict);

    public T? Value { get; }
    public Dictionary<string, string[]>? Errors { get; }
    public string? Forbidden { get; }
    public string? Conflict { get; }

    public static OperationOutcome<T> Ok(T value) => new(value, null, null, null);
    public static OperationOutcome<T> Invalid(Dictionary<string, string[]> errors) => new(null, errors, null, null);
    public static OperationOutcome<T> Invalid(string field, string problem) => new(null, new() { [field] = [problem] }, null, null);
    public static OperationOutcome<T> NotAllowed(string why) => new(null, null, why, null);
    public static OperationOutcome<T> InConflict(string why) => new(null, null, null, why);
    public static OperationOutcome<T> NotFound() => new(null, null, null, null);

    /// <summary>The outcome as an HTTP result.</summary>
    public Results<Ok<T>, NotFound, ValidationProblem, ProblemHttpResult> ToResult() => this switch
    {
        { Value: { } value } => TypedResults.Ok(value),
        { Errors: { } errors } => TypedResults.ValidationProblem(errors),
        { Forbidden: { } why } => TypedResults.Problem(why, statusCode: StatusCodes.Status403Forbidden, title: "Not yours to do"),
        { Conflict: { } why } => TypedResults.Problem(why, statusCode: StatusCodes.Status409Conflict, title: "Not possible in this state"),
        _ => TypedResults.NotFound(),
    };

    /// <summary>The outcome of a creation as an HTTP result.</summary>
    public Results<Created<T>, NotFound, ValidationProblem, ProblemHttpResult> ToCreated(Func<T, string> location) => this switch
    {
        { Value: { } value } => TypedResults.Created(location(value), value),
        { Errors: { } errors } => TypedResults.ValidationProblem(errors),
        { Forbidden: { } why } => TypedResults.Problem(why, statusCode: StatusCodes.Status403Forbidden, title: "Not yours to do"),
        { Conflict: { } why } => TypedResults.Problem(why, statusCode: StatusCodes.Status409Conflict, title: "Not possible in this state"),
        _ => TypedResults.NotFound(),
    };
}
