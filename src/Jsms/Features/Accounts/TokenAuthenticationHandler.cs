using System.Text.Encodings.Web;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jsms.Features.Accounts;

/// <summary>
/// Authenticates <c>Authorization: Bearer ...</c> against <see cref="ApiToken"/>: unknown, expired,
/// revoked tokens and disabled users fail. The user and the <see cref="Caller"/> it loads serve the
/// whole request (<see cref="Caller.ForRequestAsync"/> does not load them again). Runs in the authentication middleware, before any body is read.
/// </summary>
internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    JsmsDbContext db,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "JsmsToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = ApiTokens.ReadBearer(Request);
        if (secret is null)
        {
            return AuthenticateResult.NoResult();
        }
        var hash = ApiTokens.Hash(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        // The token, its user (unless disabled) and the caller in one query, kept for the rest of the request.
        var users = db.Set<ApiToken>()
            .Where(t => t.SecretHash == hash && t.RevokedAt == null && t.ExpiresAt > now)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => u);
        if (await Caller.LoadAsync(users, db, Context.RequestAborted) is not var (user, caller))
        {
            return AuthenticateResult.Fail("The bearer token is unknown, expired or revoked, or its user is disabled.");
        }
        Caller.Remember(Context, user.Id, caller);
        return AuthenticateResult.Success(new AuthenticationTicket(UserClaims.Principal(user, SchemeName, bearer: true), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return base.HandleChallengeAsync(properties);
    }
}
