namespace Jsms.Platform.Web;

/// <summary>
/// A browser whose request ends in an error status without a body (a signed-in user refused an action: 403; a record
/// that does not exist or may not be seen: 404) gets a page in the layout that says so and what to do next
/// (<c>Features/Errors/Status.cshtml</c>), with the status code kept. API clients (<c>/api</c>, <c>/taxii2</c>, or
/// anything that does not ask for HTML) keep the ProblemDetails answer of the app-wide status code pages.
/// </summary>
internal static class StatusPages
{
    public static IApplicationBuilder UseStatusPagesForBrowsers(this IApplicationBuilder app)
        => app.UseWhen(IsBrowserPageRequest, branch => branch.UseStatusCodePagesWithReExecute("/Errors/{0}"));

    internal static bool IsBrowserPageRequest(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/taxii2"))
        {
            return false;
        }
        // Browsers ask for text/html when they navigate or post a form; fetch() and API clients do not.
        return context.Request.Headers.Accept.Any(a => a is not null && a.Contains("text/html", StringComparison.OrdinalIgnoreCase));
    }
}
