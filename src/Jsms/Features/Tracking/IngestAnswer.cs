using Microsoft.AspNetCore.Http.HttpResults;

namespace Jsms.Features.Tracking;

/// <summary>
/// What an ingest endpoint answered, for the pages that submit through it (so a page and the API check and store alike):
/// the result, or the problems keyed by the page's field names ("[0].time" of the API is the form's "time").
/// </summary>
internal sealed record IngestAnswer(IngestResult? Result, Dictionary<string, string[]>? Errors)
{
    public static IngestAnswer Of(IResult result) => result switch
    {
        Ok<IngestResult> ok => new IngestAnswer(ok.Value, null),
        ValidationProblem invalid => new IngestAnswer(null, invalid.ProblemDetails.Errors.ToDictionary(e => Field(e.Key), e => e.Value)),
        ProblemHttpResult problem => new IngestAnswer(null, new() { ["form"] = [problem.ProblemDetails.Detail ?? problem.ProblemDetails.Title ?? "Refused."] }),
        _ => new IngestAnswer(null, new() { ["form"] = ["Refused."] }),
    };

    private static string Field(string key) => key.StartsWith("[0].", StringComparison.Ordinal) ? key[4..] : key;
}
