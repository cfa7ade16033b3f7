using System.Security.Claims;
using Jsms.Platform.Database;
using Jsms.Platform.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Jsms.Features.Accounts;

internal static class AccountsModule
{
    /// <summary>The scheme that picks bearer token or cookie per request.</summary>
    public const string DefaultScheme = "JsmsTokenOrCookie";

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddIdentityCore<User>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                // Failures are throttled per address and account by SignInThrottle, not counted toward Identity's lockout,
                // which would let anyone lock anyone out with a few wrong passwords.
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
            })
            .AddRoles<Role>()
            .AddEntityFrameworkStores<JsmsDbContext>()
            .AddDefaultTokenProviders();

        services.AddAuthentication(DefaultScheme)
            .AddPolicyScheme(DefaultScheme, "Bearer token or cookie", o =>
                o.ForwardDefaultSelector = ctx => ApiTokens.ReadBearer(ctx.Request) is null
                    ? CookieAuthenticationDefaults.AuthenticationScheme
                    : TokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.LoginPath = "/Accounts/Login";
                o.LogoutPath = "/Accounts/Logout";
                o.Cookie.Name = "jsms.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                // Secure whenever the request came over HTTPS, to Kestrel or to a trusted proxy (docs/security.md).
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = ctx => ApiAnswers(ctx, StatusCodes.Status401Unauthorized);
                // A signed-in user refused an action gets 403, on pages too: a redirect to the sign-in page (the default)
                // told them their session had ended when it had not, and pages returning Forbid() differed from those returning 403.
                o.Events.OnRedirectToAccessDenied = ctx =>
                {
                    ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
                // A disabled user's cookie stops working at the next request. The caller loaded for this check serves the request.
                o.Events.OnValidatePrincipal = async ctx =>
                {
                    if (!Guid.TryParse(ctx.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
                    {
                        ctx.RejectPrincipal();
                        return;
                    }
                    var db = ctx.HttpContext.RequestServices.GetRequiredService<JsmsDbContext>();
                    var caller = await Platform.Access.Caller.ForUserAsync(userId, db, ctx.HttpContext.RequestAborted);
                    if (caller is null)
                    {
                        ctx.RejectPrincipal();
                        return;
                    }
                    Platform.Access.Caller.Remember(ctx.HttpContext, userId, caller);
                };
            });
        services.AddAuthorization();
        services.AddScoped<SignInChecker>();
        services.AddScoped<SignInThrottle>();
        services.AddOptions<SignInLimits>().BindConfiguration(SignInLimits.Section);
        services.AddScoped<UserAdministration>();
        services.AddScoped<TwoFactorSetup>();
        return services;
    }

    private static Task ApiAnswers(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        AuthEndpoints.Map(app);
        UserEndpoints.Map(app);
        return app;
    }
}
