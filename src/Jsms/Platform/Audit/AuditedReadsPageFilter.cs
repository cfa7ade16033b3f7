using Jsms.Platform.Database;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jsms.Platform.Audit;

/// <summary>
/// On every Razor page: when a handler is about to render its page, audits the sensitive records its model holds
/// (<see cref="AuditedReads"/>; detail <c>page</c>), before the page is written. Handlers that redirect or fail show nothing.
/// </summary>
internal sealed class AuditedReadsPageFilter : IAsyncPageFilter
{
    /// <summary>The detail of a read seen on a page.</summary>
    public const string PageDetail = "page";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is null && executed.Result is PageResult && executed.HandlerInstance is { } model)
        {
            var db = context.HttpContext.RequestServices.GetRequiredService<JsmsDbContext>();
            await AuditedReads.RecordAsync(db, model, PageDetail, context.HttpContext.RequestAborted);
        }
    }
}
