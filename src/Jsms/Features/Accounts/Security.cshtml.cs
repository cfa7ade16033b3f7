using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Jsms.Features.Accounts;

/// <summary>Any signed-in user turns their own two-factor (TOTP) sign-in on or off.</summary>
public sealed class SecurityModel(UserManager<User> users, TwoFactorSetup twoFactor, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty] public string? Code { get; set; }

    public bool TwoFactorEnabled { get; private set; }
    public string? Username { get; private set; }
    /// <summary>The authenticator key in groups of four, shown while two-factor sign-in is off.</summary>
    public string? FormattedKey { get; private set; }
    public string? AuthenticatorUri { get; private set; }
    public string? Error { get; private set; }

    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync()
        => await users.GetUserAsync(User) is { } user ? await ShowAsync(user) : Challenge();

    public async Task<IActionResult> OnPostEnableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (!await twoFactor.EnableAsync(user, Code))
        {
            Error = text["Security.InvalidCode"].Value;
            return await ShowAsync(user);
        }
        Notice = text["Security.EnabledNotice"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (!await twoFactor.DisableAsync(user, Code))
        {
            Error = text["Security.InvalidCode"].Value;
            return await ShowAsync(user);
        }
        Notice = text["Security.DisabledNotice"].Value;
        return RedirectToPage();
    }

    private async Task<IActionResult> ShowAsync(User user)
    {
        // The page may carry the authenticator key: keep it out of every cache.
        Response.Headers.CacheControl = "no-store";
        Username = user.UserName ?? "";
        TwoFactorEnabled = user.TwoFactorEnabled;
        if (!TwoFactorEnabled)
        {
            var key = await twoFactor.GetOrCreateKeyAsync(user);
            FormattedKey = TwoFactorSetup.FormatKey(key);
            AuthenticatorUri = TwoFactorSetup.AuthenticatorUri(Username, key);
        }
        return Page();
    }
}
