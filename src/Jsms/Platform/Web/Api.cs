using Jsms.Platform.Access;
using Microsoft.AspNetCore.Authorization;
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
    /// record still gets 404 from the access policy. The role is checked by the authorization middleware, before the
    /// endpoint binds its parameters: a viewer's request is refused whatever its body, never answered 400 for it.
    /// </summary>
    public static RouteGroupBuilder MapWritesGroup(this RouteGroupBuilder group)
        => group.MapGroup("")
            .RequireAuthorization(WritingRole)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Signed in, with a role that may create and change records (<see cref="Caller.CanWrite"/>, the caller as loaded for this request).</summary>
    private static readonly AuthorizationPolicy WritingRole = new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .RequireAssertion(async context => context.Resource is HttpContext http && await Caller.ForRequestAsync(http) is { CanWrite: true })
        .Build();
}
