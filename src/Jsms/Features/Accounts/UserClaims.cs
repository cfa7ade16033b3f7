using System.Security.Claims;
using Jsms.Platform.Access;
using Jsms.Platform.Database;

namespace Jsms.Features.Accounts;

internal static class UserClaims
{
    public const string BearerClaim = "jsms:bearer";

    /// <summary>The claims both the cookie and the bearer token carry.</summary>
    public static async Task<ClaimsPrincipal> PrincipalAsync(JsmsDbContext db, Guid userId, string scheme)
        => Principal(await Caller.LoadUserAsync(userId, db) ?? throw new InvalidOperationException($"User {userId} is unknown or disabled."), scheme);

    /// <param name="bearer">Signed in with a bearer token: the request can revoke it (<c>DELETE /api/auth/token</c>).</param>
    public static ClaimsPrincipal Principal(SignedInUser user, string scheme, bool bearer = false)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Name, user.UserName),
            new("jsms:display-name", user.DisplayName),
            new(Caller.AgencyClaim, user.AgencyId.ToString()),
            new("jsms:agency-code", user.AgencyCode),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (bearer)
        {
            claims.Add(new Claim(BearerClaim, "true"));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
