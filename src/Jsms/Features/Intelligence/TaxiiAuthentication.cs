using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using Jsms.Features.Accounts;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Jsms.Features.Intelligence;

/// <summary>
/// Authentication on the <c>/taxii2</c> routes only: HTTP Basic (checked by <see cref="SignInChecker"/>, so
/// the sign-in throttle, disabled users and the audit of every attempt apply, and a throttled client gets 429 with
/// Retry-After) or a JSMS bearer token. It runs in the
/// authorization step of the pipeline, before any handler reads a body; its challenge answers 401 with a
/// TAXII error resource.
/// </summary>
internal sealed class TaxiiBasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SignInChecker signIn,
    JsmsDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TaxiiBasic";

    /// <summary>Basic or bearer, chosen per request by the Authorization header.</summary>
    public const string PolicySchemeName = "Taxii";

    private static readonly object RetryAfterItem = new();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization.ToString(), out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return AuthenticateResult.NoResult();
        }
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return AuthenticateResult.Fail("The Basic credentials are not base64.");
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return AuthenticateResult.Fail("The Basic credentials are not user:password.");
        }
        var check = await signIn.CheckAsync(decoded[..colon], decoded[(colon + 1)..], null, "taxii-basic");
        if (check.RetryAfter is { } wait)
        {
            Context.Items[RetryAfterItem] = wait;
            return AuthenticateResult.Fail("Too many sign-in attempts.");
        }
        if (!check.Succeeded)
        {
            return AuthenticateResult.Fail("Sign-in refused.");
        }
        // The user (with roles) and the caller are loaded once and kept for the request, as the bearer-token scheme does:
        // the sign-in check read the account, this reads what the claims and the access policy need, and nothing reads it again.
        if (await Caller.LoadAsync(check.User!.Id, db, Context.RequestAborted) is not var (user, caller))
        {
            return AuthenticateResult.Fail("Sign-in refused.");
        }
        Caller.Remember(Context, user.Id, caller);
        return AuthenticateResult.Success(new AuthenticationTicket(UserClaims.Principal(user, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items[RetryAfterItem] is TimeSpan wait)
        {
            RateLimits.SetRetryAfter(Response, wait);
            return TaxiiError.WriteAsync(Context, StatusCodes.Status429TooManyRequests, RateLimits.TooManyAttemptsTitle, RateLimits.TooManyAttemptsDetail(wait));
        }
        Response.Headers.WWWAuthenticate = "Basic realm=\"JSMS TAXII\", Bearer";
        return TaxiiError.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Authentication required",
            "Sign in with HTTP Basic (user name and password) or a JSMS bearer token.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
        => TaxiiError.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden", "Your account may not use this resource.");
}
