using Jsms.Platform;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jsms.Features.Accounts;

internal static class AuthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Authentication");
        auth.MapPost("/token", IssueToken).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);
        var signedIn = app.MapApiGroup("/auth", "Authentication");
        signedIn.MapDelete("/token", RevokeCurrentToken);
        signedIn.MapDelete("/tokens/{id:guid}", RevokeToken);
        signedIn.MapGet("/me", Me);
        signedIn.MapPost("/totp/setup", SetUpTotp);
        signedIn.MapPost("/totp/enable", EnableTotp);
        signedIn.MapPost("/totp/disable", DisableTotp);
    }

    /// <summary>Exchanges username, password (and TOTP code when enabled) for a bearer token.</summary>
    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueToken(
        TokenRequest request, SignInChecker checker, JsmsDbContext db, TimeProvider clock, IOptions<JsmsOptions> options, HttpContext http)
    {
        var check = await checker.CheckAsync(request.Username, request.Password, request.Totp, "api");
        if (check.RetryAfter is { } wait)
        {
            RateLimits.SetRetryAfter(http.Response, wait);
            return TypedResults.Problem(RateLimits.TooManyAttemptsDetail(wait), statusCode: StatusCodes.Status429TooManyRequests, title: RateLimits.TooManyAttemptsTitle);
        }
        if (!check.Succeeded)
        {
            var detail = check.Outcome switch
            {
                SignInOutcome.TotpRequired => "This account uses a second factor: send the current TOTP code as \"totp\".",
                SignInOutcome.InvalidTotp => "The TOTP code is not valid.",
                _ => "The username or password is not valid.",
            };
            return TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
        }
        var user = check.User!;
        var secret = ApiTokens.NewSecret();
        var now = clock.GetUtcNow().UtcDateTime;
        var lifetime = TimeSpan.FromMinutes(Math.Max(1, options.Value.TokenLifetimeMinutes));
        var token = new ApiToken
        {
            Id = Guid.NewGuid(),
            UserId = user.Id,
            SecretHash = ApiTokens.Hash(secret),
            IssuedAt = now,
            ExpiresAt = now + lifetime,
        };
        db.Set<ApiToken>().Add(token);
        db.AuditAs(new Jsms.Platform.Audit.AuditActor(user.Id, user.UserName ?? "", user.AgencyId, null), "token.issue", "ApiToken", token.Id);
        await db.SaveChangesAsync();
        return TypedResults.Ok(new TokenResponse(secret, "Bearer", (int)lifetime.TotalSeconds, token.ExpiresAt, token.Id));
    }

    /// <summary>Revokes the token this request was made with.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeCurrentToken(HttpContext http, JsmsDbContext db, TimeProvider clock)
    {
        // The token the request authenticated with, found again by its secret (authentication reads no token id, to
        // keep a bearer request at one query).
        var secret = http.User.HasClaim(UserClaims.BearerClaim, "true") ? ApiTokens.ReadBearer(http.Request) : null;
        var hash = secret is null ? null : ApiTokens.Hash(secret);
        var tokenId = hash is null ? null : await db.Set<ApiToken>().Where(t => t.SecretHash == hash).Select(t => (Guid?)t.Id).FirstOrDefaultAsync();
        if (tokenId is null)
        {
            return TypedResults.Problem("This request was not made with a bearer token.", statusCode: StatusCodes.Status400BadRequest);
        }
        await RevokeAsync(db, tokenId.Value, clock);
        return TypedResults.NoContent();
    }

    /// <summary>Revokes one of the caller's tokens; an administrator may revoke any token.</summary>
    public static async Task<Results<NoContent, NotFound>> RevokeToken(Guid id, Caller caller, JsmsDbContext db, TimeProvider clock)
    {
        var mine = await db.Set<ApiToken>().AnyAsync(t => t.Id == id && (t.UserId == caller.UserId || caller.IsAdministrator));
        if (!mine)
        {
            return TypedResults.NotFound();
        }
        await RevokeAsync(db, id, clock);
        return TypedResults.NoContent();
    }

    public static Ok<MeResponse> Me(Caller caller)
        => TypedResults.Ok(new MeResponse(caller.UserId, caller.UserName, caller.AgencyId, [.. caller.Roles.Order()]));

    /// <summary>Issues a new authenticator key for the caller (the second factor stays off until enabled with a code).</summary>
    public static async Task<Results<Ok<TotpSetupKey>, ProblemHttpResult>> SetUpTotp(Caller caller, TwoFactorSetup totp)
        => await totp.BeginAsync(caller.UserId) is { } key
            ? TypedResults.Ok(key)
            : TypedResults.Problem(TwoFactorSetup.Describe(TotpChangeOutcome.AlreadyEnabled), statusCode: StatusCodes.Status409Conflict, title: "Second factor already on");

    /// <summary>Turns the caller's second factor on with a current code from the key of the set-up step.</summary>
    public static async Task<Results<Ok<TotpStatus>, ValidationProblem, ProblemHttpResult>> EnableTotp(TotpCodeRequest request, Caller caller, TwoFactorSetup totp)
        => TotpAnswer(await totp.EnableAsync(caller.UserId, request.Code), enabled: true);

    /// <summary>Turns the caller's second factor off; a current code is required.</summary>
    public static async Task<Results<Ok<TotpStatus>, ValidationProblem, ProblemHttpResult>> DisableTotp(TotpCodeRequest request, Caller caller, TwoFactorSetup totp)
        => TotpAnswer(await totp.DisableAsync(caller.UserId, request.Code), enabled: false);

    private static Results<Ok<TotpStatus>, ValidationProblem, ProblemHttpResult> TotpAnswer(TotpChangeOutcome outcome, bool enabled) => outcome switch
    {
        TotpChangeOutcome.Done => TypedResults.Ok(new TotpStatus(enabled)),
        TotpChangeOutcome.InvalidCode => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["code"] = [TwoFactorSetup.Describe(outcome)] }),
        _ => TypedResults.Problem(TwoFactorSetup.Describe(outcome), statusCode: StatusCodes.Status409Conflict, title: "Second factor not changed"),
    };

    private static async Task RevokeAsync(JsmsDbContext db, Guid tokenId, TimeProvider clock)
    {
        var token = await db.Set<ApiToken>().SingleAsync(t => t.Id == tokenId);
        token.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        db.Audit("token.revoke", "ApiToken", tokenId);
        await db.SaveChangesAsync();
    }
}
