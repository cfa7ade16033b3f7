using System.Security.Claims;
using Jsms.Features.Access;
using Jsms.Features.Audit;
using Jsms.Platform.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Accounts;

public enum SignInOutcome { Success, InvalidCredentials, LockedOut, Disabled, TotpRequired, InvalidTotp }

public sealed record SignInCheck(SignInOutcome Outcome, User? User)
{
    public bool Succeeded => Outcome == SignInOutcome.Success;
}

/// <summary>
/// The one place that checks a username, password and TOTP code, counts failures toward lockout and
/// audits every attempt; used by the login page and by <c>POST /api/auth/token</c>.
/// </summary>
public sealed class SignInChecker(UserManager<User> users, JsmsDbContext db, IHttpContextAccessor http)
{
    public async Task<SignInCheck> CheckAsync(string? userName, string? password, string? totpCode, string channel)
    {
        var user = string.IsNullOrWhiteSpace(userName) ? null : await users.FindByNameAsync(userName.Trim());
        var outcome = await EvaluateAsync(user, password ?? "", totpCode);
        var who = new AuditActor(user?.Id, user?.UserName ?? Truncate(userName ?? "", 100), user?.AgencyId,
            http.HttpContext?.Connection.RemoteIpAddress?.ToString());
        db.AuditAs(who, outcome == SignInOutcome.Success ? "login.success" : "login.failure", "User", user?.Id,
            $"{channel}: {outcome}");
        await db.SaveChangesAsync();
        return new SignInCheck(outcome, outcome == SignInOutcome.Success ? user : null);
    }

    private async Task<SignInOutcome> EvaluateAsync(User? user, string password, string? totpCode)
    {
        if (user is null)
        {
            // Spend the time a password check takes, so response times do not reveal which usernames exist.
            users.PasswordHasher.VerifyHashedPassword(TimingDummy, TimingDummyHash.Value, password);
            return SignInOutcome.InvalidCredentials;
        }
        if (user.IsDisabled)
        {
            return SignInOutcome.Disabled;
        }
        if (await users.IsLockedOutAsync(user))
        {
            return SignInOutcome.LockedOut;
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return await users.IsLockedOutAsync(user) ? SignInOutcome.LockedOut : SignInOutcome.InvalidCredentials;
        }
        if (user.TwoFactorEnabled)
        {
            if (string.IsNullOrWhiteSpace(totpCode))
            {
                return SignInOutcome.TotpRequired;
            }
            var code = totpCode.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            if (!await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code))
            {
                await users.AccessFailedAsync(user);
                return await users.IsLockedOutAsync(user) ? SignInOutcome.LockedOut : SignInOutcome.InvalidTotp;
            }
        }
        await users.ResetAccessFailedCountAsync(user);
        return SignInOutcome.Success;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    private static readonly User TimingDummy = new() { UserName = "timing-dummy" };

    private static readonly Lazy<string> TimingDummyHash = new(() => new PasswordHasher<User>().HashPassword(TimingDummy, Guid.NewGuid().ToString("N")));
}

internal static class UserClaims
{
    /// <summary>The claims both the cookie and the bearer token carry.</summary>
    public static async Task<ClaimsPrincipal> PrincipalAsync(JsmsDbContext db, Guid userId, string scheme, Guid? tokenId = null)
        => Principal(await Caller.LoadUserAsync(userId, db) ?? throw new InvalidOperationException($"User {userId} is unknown or disabled."), scheme, tokenId);

    public static ClaimsPrincipal Principal(SignedInUser user, string scheme, Guid? tokenId = null)
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
        if (tokenId is not null)
        {
            claims.Add(new Claim("jsms:token", tokenId.Value.ToString()));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
