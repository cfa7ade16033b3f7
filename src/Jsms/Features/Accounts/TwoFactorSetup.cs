using System.Text;
using Jsms.Platform.Database;
using Microsoft.AspNetCore.Identity;

namespace Jsms.Features.Accounts;

/// <summary>
/// Turning TOTP two-factor sign-in on and off for a signed-in user: the authenticator key is kept by
/// ASP.NET Core Identity; every change is audited (<c>totp.enable</c>, <c>totp.disable</c>).
/// </summary>
public sealed class TwoFactorSetup(UserManager<User> users, JsmsDbContext db)
{
    public const string Issuer = "JSMS";

    /// <summary>The user's authenticator key (base32), created on first request.</summary>
    public async Task<string> GetOrCreateKeyAsync(User user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        return key!;
    }

    /// <summary>Turns two-factor sign-in on when <paramref name="code"/> is valid for the user's key; false otherwise.</summary>
    public async Task<bool> EnableAsync(User user, string? code)
    {
        if (!await IsValidCodeAsync(user, code))
        {
            return false;
        }
        await ChangeAsync(user, enabled: true);
        return true;
    }

    /// <summary>Turns two-factor sign-in off when <paramref name="code"/> is a current code; false otherwise.</summary>
    public async Task<bool> DisableAsync(User user, string? code)
    {
        if (!user.TwoFactorEnabled || !await IsValidCodeAsync(user, code))
        {
            return false;
        }
        await ChangeAsync(user, enabled: false);
        return true;
    }

    /// <summary>The key in groups of four, as authenticator apps ask it to be typed.</summary>
    public static string FormatKey(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0)
            {
                text.Append(' ');
            }
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return text.ToString();
    }

    /// <summary>The otpauth:// URI authenticator apps read (from a QR code or pasted).</summary>
    public static string AuthenticatorUri(string username, string key)
        => $"otpauth://totp/{Issuer}:{Uri.EscapeDataString(username)}?secret={key}&issuer={Issuer}&digits=6";

    private async Task<bool> IsValidCodeAsync(User user, string? code)
    {
        var digits = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit) || string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
        {
            return false;
        }
        return await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, digits);
    }

    private async Task ChangeAsync(User user, bool enabled)
    {
        var result = await users.SetTwoFactorEnabledAsync(user, enabled);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Two-factor sign-in could not be changed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
        db.Audit(enabled ? "totp.enable" : "totp.disable", "User", user.Id, user.UserName);
        await db.SaveChangesAsync();
    }
}
