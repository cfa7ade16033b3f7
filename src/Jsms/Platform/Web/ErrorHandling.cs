using System.Text.Json;
using Jsms.Platform.Access;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Platform.Web;

/// <summary>
/// The one translator from exceptions to ProblemDetails. Input the client got wrong answers 4xx and
/// names the problem; anything else is a 500 that reveals nothing about internals.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is UnreadableReferenceException unreadable)
        {
            return await WriteUnreadableReferenceAsync(context, unreadable);
        }
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "The request is not valid", Describe(bad)),
            JsonException json => (StatusCodes.Status400BadRequest, "The request body is not valid JSON", json.Message),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "The record was changed by someone else", "Reload it and try again."),
            OperationCanceledException when context.RequestAborted.IsCancellationRequested => (499, "Client closed request", (string?)null),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred", (string?)null),
        };
        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
        }
        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (status < 500 && (exception as JsonException ?? exception.InnerException as JsonException) is { Path: { Length: > 0 } path } read)
        {
            // The field the reader stopped at, keyed as validation errors are, so a client can show it beside the input.
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [Field(path)] = [read.Message] };
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = status >= 500 ? null : exception,
            ProblemDetails = problem,
        });
    }

    /// <summary>404 naming each field that names no record the caller may read, in the shape of a validation problem.</summary>
    private async ValueTask<bool> WriteUnreadableReferenceAsync(HttpContext context, UnreadableReferenceException unreadable)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new HttpValidationProblemDetails(unreadable.Errors())
            {
                Status = StatusCodes.Status404NotFound,
                Title = "A referenced record was not found",
                Detail = unreadable.Message,
            },
        });
    }

    /// <summary><c>$.checkpoints[0].latitude</c> → <c>checkpoints[0].latitude</c>; the root itself is <c>body</c>.</summary>
    internal static string Field(string path)
    {
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.Length == 0 ? "body" : field;
    }

    private static string Describe(BadHttpRequestException bad)
    {
        // The JSON reader's message names the path and position of the bad value; keep it.
        var inner = bad.InnerException switch
        {
            NonFiniteNumberException nonFinite => $"{Field(nonFinite.Path ?? "$")}: {nonFinite.Message}",
            { } other => other.Message,
            null => null,
        };
        return inner is null ? bad.Message : $"{bad.Message} {inner}";
    }
}
