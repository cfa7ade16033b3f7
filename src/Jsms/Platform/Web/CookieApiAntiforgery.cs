using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Jsms.Platform.Web;

/// <summary>
/// API calls made with the sign-in cookie (from the app's own pages) must carry the antiforgery token
/// in the <c>RequestVerificationToken</c> header when they change something; bearer-token calls need not.
/// </summary>
internal sealed class CookieApiAntiforgery(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var unsafeMethod = !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method));
        var byCookie = http.User.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme;
        if (unsafeMethod && byCookie && !await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem("Send the antiforgery token in the RequestVerificationToken header, or use a bearer token.",
                statusCode: StatusCodes.Status400BadRequest, title: "Antiforgery token missing or invalid");
        }
        return await next(context);
    }
}
