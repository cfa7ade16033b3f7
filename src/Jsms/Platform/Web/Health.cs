using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Jsms.Platform.Web;

internal static class Health
{
    public static IServiceCollection AddJsmsHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    /// <summary><c>/health/live</c>: the process answers. <c>/health</c> and <c>/health/ready</c>: the database is reachable too.</summary>
    public static void MapJsmsHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteJson }).AllowAnonymous();
        app.MapHealthChecks("/health", new() { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteJson }).AllowAnonymous();
    }

    private static Task WriteJson(HttpContext context, HealthReport report)
        => context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        });
}
