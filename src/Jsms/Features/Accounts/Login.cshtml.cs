using System.Globalization;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Jsms.Features.Accounts;

[EnableRateLimiting(RateLimits.SignIn)]
internal sealed class LoginModel(SignInChecker checker, UserAdministration admin, JsmsDbContext db, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty] public string? Username { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Totp { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }
    public bool AskTotp { get; private set; }


    public async Task<IActionResult> OnPostAsync()
    {
        var check = await checker.CheckAsync(Username, Password, Totp, "web");
        if (check.RetryAfter is { } wait)
        {
            Error = string.Format(CultureInfo.InvariantCulture, text["Login.Throttled"].Value, RateLimits.RetryAfterSeconds(wait));
            RateLimits.SetRetryAfter(Response, wait);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        if (!check.Succeeded)
        {
            AskTotp = check.Outcome is SignInOutcome.TotpRequired or SignInOutcome.InvalidTotp;
            Error = check.Outcome switch
            {
                SignInOutcome.TotpRequired => null,
                SignInOutcome.InvalidTotp => text["Login.InvalidTotp"].Value,
                _ => text["Login.Failed"].Value,
            };
            Response.StatusCode = AskTotp && Error is null ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized;
            return Page();
        }
        var principal = await UserClaims.PrincipalAsync(db, check.User!.Id, CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        if (await admin.MustChangePasswordAsync(check.User!))
        {
            // A temporary password from an administrator's reset: the first stop is choosing a new one.
            return LocalRedirect("/Accounts/Security#password");
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
