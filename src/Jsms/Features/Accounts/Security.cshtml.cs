using System.Text;
using Jsms.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Jsms.Features.Accounts;

/// <summary>
/// Any signed-in user turns their own two-factor (TOTP) sign-in on or off, through
/// <see cref="TwoFactorSetup"/> (the same steps as <c>/api/auth/totp/*</c>): set up (a fresh key), confirm with a code, turn off with a code;
/// and changes their password, which a password reset by an administrator asks for at the next sign-in.
/// </summary>
internal sealed class SecurityModel(UserManager<User> users, TwoFactorSetup twoFactor, UserAdministration admin, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }

    public bool TwoFactorEnabled { get; private set; }
    public bool MustChangePassword { get; private set; }
    public Dictionary<string, string[]> PasswordErrors { get; private set; } = [];
    /// <summary>The authenticator key in groups of four, while setting up.</summary>
    public string? SharedKey { get; private set; }
    public string? AuthenticatorUri { get; private set; }
    public string? Error { get; private set; }

    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        TwoFactorEnabled = user.TwoFactorEnabled;
        MustChangePassword = await admin.MustChangePasswordAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        PasswordErrors = await admin.ChangeOwnPasswordAsync(user, CurrentPassword ?? "", NewPassword ?? "");
        if (PasswordErrors.Count == 0)
        {
            Notice = text["Security.PasswordChanged"].Value;
            return RedirectToPage();
        }
        TwoFactorEnabled = user.TwoFactorEnabled;
        MustChangePassword = await admin.MustChangePasswordAsync(user);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Issues a fresh key and shows it with the code field.</summary>
    public async Task<IActionResult> OnPostSetupAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (await twoFactor.BeginAsync(user.Id) is not { } key)
        {
            return RedirectToPage();
        }
        SharedKey = key.SharedKey;
        AuthenticatorUri = key.AuthenticatorUri;
        return KeyPage();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        var outcome = await twoFactor.EnableAsync(user.Id, Code);
        if (outcome == TotpChangeOutcome.Done)
        {
            Notice = text["Security.EnabledNotice"].Value;
            return RedirectToPage();
        }
        Error = outcome == TotpChangeOutcome.InvalidCode ? text["Security.InvalidCode"].Value : TwoFactorSetup.Describe(outcome);
        TwoFactorEnabled = user.TwoFactorEnabled;
        if (outcome == TotpChangeOutcome.InvalidCode)
        {
            // Same key as before: the one already in the authenticator app stays valid.
            SharedKey = Grouped(await users.GetAuthenticatorKeyAsync(user) ?? "");
        }
        return KeyPage();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        var outcome = await twoFactor.DisableAsync(user.Id, Code);
        if (outcome == TotpChangeOutcome.Done)
        {
            Notice = text["Security.DisabledNotice"].Value;
            return RedirectToPage();
        }
        Error = outcome == TotpChangeOutcome.InvalidCode ? text["Security.InvalidCode"].Value : TwoFactorSetup.Describe(outcome);
        TwoFactorEnabled = user.TwoFactorEnabled;
        return Page();
    }

    private PageResult KeyPage()
    {
        // The page carries the authenticator key: keep it out of every cache.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    private static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return text.ToString().TrimEnd().ToLowerInvariant();
    }
}
