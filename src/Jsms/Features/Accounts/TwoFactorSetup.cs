using System.Text;
using Jsms.Platform.Database;
using Jsms.Platform.Identity;
using Microsoft.AspNetCore.Identity;

namespace Jsms.Features.Accounts;

/// <summary>
/// Turning a user's second factor (TOTP, RFC 6238: HMAC-SHA1, 30-second step, 6 digits) on and off.
/// Used by <c>/api/auth/totp/*</c> and the account security page. Every change is audited.
/// </summary>
internal sealed class TwoFactorSetup(UserManager<User> users, JsmsDbContext db)
{
    public const string Issuer = "JSMS";

    /// <summary>Whether the user's second factor is on.</summary>
    public async Task<bool> IsEnabledAsync(Guid userId)
        => await users.FindByIdAsync(userId.ToString()) is { TwoFactorEnabled: true };

    /// <summary>
    /// Creates a fresh authenticator key (replacing any earlier, unconfirmed one). Returns null when
    /// the user does not exist or already has the second factor on (turn it off first, with a code).
    /// </summary>
    public async Task<TotpSetupKey?> BeginAsync(Guid userId)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || user.TwoFactorEnabled)
        {
            return null;
        }
        await users.ResetAuthenticatorKeyAsync(user);
        var key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        db.Audit("totp.setup", "User", user.Id, "new authenticator key issued");
        await db.SaveChangesAsync();
        return new TotpSetupKey(FormatKey(key), AuthenticatorUri(user.UserName ?? "", key));
    }

    /// <summary>Turns the second factor on when <paramref name="code"/> matches the key from <see cref="BeginAsync"/>.</summary>
    public async Task<TotpChangeOutcome> EnableAsync(Guid userId, string? code)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return TotpChangeOutcome.UnknownUser;
        }
        if (user.TwoFactorEnabled)
        {
            return TotpChangeOutcome.AlreadyEnabled;
        }
        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
        {
            return TotpChangeOutcome.NoKey;
        }
        if (!await VerifyAsync(user, code))
        {
            await AuditFailureAsync(user, "enable");
            return TotpChangeOutcome.InvalidCode;
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        db.Audit("totp.enable", "User", user.Id);
        await db.SaveChangesAsync();
        return TotpChangeOutcome.Done;
    }

    /// <summary>Turns the second factor off (a current code is required) and discards the key.</summary>
    public async Task<TotpChangeOutcome> DisableAsync(Guid userId, string? code)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return TotpChangeOutcome.UnknownUser;
        }
        if (!user.TwoFactorEnabled)
        {
            return TotpChangeOutcome.NotEnabled;
        }
        if (!await VerifyAsync(user, code))
        {
            await AuditFailureAsync(user, "disable");
            return TotpChangeOutcome.InvalidCode;
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        db.Audit("totp.disable", "User", user.Id);
        await db.SaveChangesAsync();
        return TotpChangeOutcome.Done;
    }

    /// <summary>A message for each outcome other than <see cref="TotpChangeOutcome.Done"/>, for the API and the page.</summary>
    public static string Describe(TotpChangeOutcome outcome) => outcome switch
    {
        TotpChangeOutcome.AlreadyEnabled => "The second factor is already on; turn it off first (with a current code) to set up a new key.",
        TotpChangeOutcome.NotEnabled => "The second factor is not on.",
        TotpChangeOutcome.NoKey => "Start with the set-up step (POST /api/auth/totp/setup) to get a key.",
        TotpChangeOutcome.InvalidCode => "The code is not valid: send the current 6-digit code from the authenticator app.",
        TotpChangeOutcome.UnknownUser => "No such user.",
        _ => "",
    };

    private async Task<bool> VerifyAsync(User user, string? code)
    {
        var digits = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return digits.Length == 6 && digits.All(char.IsAsciiDigit)
            && await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, digits);
    }

    private async Task AuditFailureAsync(User user, string step)
    {
        db.Audit("totp.failure", "User", user.Id, $"{step}: invalid code");
        await db.SaveChangesAsync();
    }

    /// <summary>The base32 key in groups of four, lower case, as authenticator apps show it.</summary>
    private static string FormatKey(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    private static string AuthenticatorUri(string userName, string key)
        => $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(userName)}" +
           $"?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&algorithm=SHA1&digits=6&period=30";
}
