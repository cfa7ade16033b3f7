using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Platform.Web;

internal static class Api
{
    /// <summary>
    /// A route group under <c>/api</c> with the conventions every API feature shares: signed-in callers
    /// only (bearer token or cookie), and the antiforgery check for cookie calls that change data.
    /// </summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder app, string prefix, string tag)
        => app.MapGroup("/api" + prefix)
            .WithTags(tag)
            .RequireAuthorization()
            .AddEndpointFilter<CookieApiAntiforgery>()
            .AddEndpointFilter<AuditedReadsEndpointFilter>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    /// <summary>
    /// A sub-group for endpoints that change data: callers without a writing role (viewers) get 403.
    /// The caller knows their own role, so this reveals nothing; a writer who may not change a given
    /// record still gets 404 from the access policy.
    /// </summary>
    public static RouteGroupBuilder MapWritesGroup(this RouteGroupBuilder group)
        => group.MapGroup("")
            .AddEndpointFilter(RequireWritingRole)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async ValueTask<object?> RequireWritingRole(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var caller = await Caller.ForRequestAsync(context.HttpContext);
        if (caller is not null && !caller.CanWrite)
        {
            return TypedResults.Problem("Your role may read but not change records.", statusCode: StatusCodes.Status403Forbidden,
                title: "A writing role is required");
        }
        return await next(context);
    }
}
