using System.Threading.RateLimiting;

namespace Jsms.Platform.Web;

internal static class RateLimits
{
    public const string SignIn = "sign-in";

    public static IServiceCollection AddJsmsRateLimits(this IServiceCollection services)
        => services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Slows password guessing per client address; lockout per account is the second line.
            o.AddPolicy(SignIn, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
}
