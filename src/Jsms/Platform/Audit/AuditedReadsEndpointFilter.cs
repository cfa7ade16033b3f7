using Jsms.Platform.Database;

namespace Jsms.Platform.Audit;

/// <summary>
/// On every API route group (<c>MapApiGroup</c>): audits the sensitive records a successful answer carries
/// (<see cref="AuditedReads"/>), before the answer is written. Unwraps typed results (<c>Results&lt;Ok&lt;T&gt;, ...&gt;</c>).
/// </summary>
internal sealed class AuditedReadsEndpointFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (Shown(result) is { } shown)
        {
            var db = context.HttpContext.RequestServices.GetRequiredService<JsmsDbContext>();
            await AuditedReads.RecordAsync(db, shown, detail: null, context.HttpContext.RequestAborted);
        }
        return result;
    }

    /// <summary>The value a successful answer shows, or null for errors and answers without a value.</summary>
    private static object? Shown(object? result)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }
        if (result is IStatusCodeHttpResult { StatusCode: { } status } && (status < 200 || status > 299))
        {
            return null;
        }
        return result switch
        {
            IValueHttpResult valued => valued.Value,
            IResult => null,
            _ => result,
        };
    }
}
