using Jsms.Platform.Audit;
using Jsms.Platform.Database;
using Jsms.Platform.Identity;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Identity;

namespace Jsms.Features.Accounts;

/// <summary>
/// The one place that checks a username, password and TOTP code, throttles failures (<see cref="SignInThrottle"/>)
/// and audits every attempt; used by the login page, <c>POST /api/auth/token</c> and TAXII Basic authentication.
/// Unknown name, wrong password, disabled or locked account come out as different outcomes for the audit, and every
/// caller answers them alike, so an answer never tells which names exist or what state an account is in.
/// </summary>
internal sealed class SignInChecker(UserManager<User> users, JsmsDbContext db, IHttpContextAccessor http, SignInThrottle throttle)
{
    public async Task<SignInCheck> CheckAsync(string? userName, string? password, string? totpCode, string channel)
    {
        var context = http.HttpContext;
        var address = RateLimits.ClientKey(context);
        var account = Truncate(users.NormalizeName(userName?.Trim() ?? "") ?? "", 256);
        var retryAfter = await throttle.RetryAfterAsync(account, address);
        User? user = null;
        SignInOutcome outcome;
        if (retryAfter is not null)
        {
            // Refused before the account is read or a password hashed: the same for every name.
            outcome = SignInOutcome.Throttled;
        }
        else
        {
            user = account.Length == 0 ? null : await users.FindByNameAsync(userName!.Trim());
            outcome = await EvaluateAsync(user, password ?? "", totpCode);
            if (outcome == SignInOutcome.Success)
            {
                await throttle.RecordSuccessAsync(account, address);
            }
            else if (outcome != SignInOutcome.TotpRequired)
            {
                await throttle.RecordFailureAsync(account, address);
            }
        }
        var who = new AuditActor(user?.Id, user?.UserName ?? Truncate(userName ?? "", 100), user?.AgencyId,
            context?.Connection.RemoteIpAddress?.ToString());
        db.AuditAs(who, outcome == SignInOutcome.Success ? "login.success" : "login.failure", "User", user?.Id,
            $"{channel}: {outcome}");
        await db.SaveChangesAsync();
        return new SignInCheck(outcome, outcome == SignInOutcome.Success ? user : null, retryAfter);
    }

    private async Task<SignInOutcome> EvaluateAsync(User? user, string password, string? totpCode)
    {
        if (user is null)
        {
            // Spend the time a password check takes, so response times do not reveal which usernames exist.
            users.PasswordHasher.VerifyHashedPassword(TimingDummy, TimingDummyHash.Value, password);
            return SignInOutcome.InvalidCredentials;
        }
        // The password is checked for disabled and locked accounts too, so they take as long to refuse as a wrong password.
        var passwordMatches = await users.CheckPasswordAsync(user, password);
        if (user.IsDisabled)
        {
            return SignInOutcome.Disabled;
        }
        // Identity's failure count is not used (anyone could lock anyone); a lock set on the account by other means still holds.
        if (await users.IsLockedOutAsync(user))
        {
            return SignInOutcome.LockedOut;
        }
        if (!passwordMatches)
        {
            return SignInOutcome.InvalidCredentials;
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
                return SignInOutcome.InvalidTotp;
            }
        }
        return SignInOutcome.Success;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    private static readonly User TimingDummy = new() { UserName = "timing-dummy" };

    private static readonly Lazy<string> TimingDummyHash = new(() => new PasswordHasher<User>().HashPassword(TimingDummy, Guid.NewGuid().ToString("N")));
}
