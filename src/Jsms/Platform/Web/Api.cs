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
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}
