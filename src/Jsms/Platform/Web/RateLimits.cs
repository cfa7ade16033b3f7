using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;

namespace Jsms.Platform.Web;

/// <summary>
/// The request-rate limits, and the helpers every sign-in path shares: which client an attempt comes from and how a
/// refused attempt is answered (429 with Retry-After). Failure counting per address and account is the second line
/// (Features/Accounts/SignInThrottle), reached through the sign-in checker by every path that takes a password.
/// </summary>
internal static class RateLimits
{
    public const string SignIn = "sign-in";

    public static IServiceCollection AddJsmsRateLimits(this IServiceCollection services)
        => services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Caps the sign-in attempts per client address to the token endpoint and the login page, whatever their
            // outcome. Showing the login page is not an attempt.
            o.AddPolicy(SignIn, ctx => HttpMethods.IsPost(ctx.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(ClientKey(ctx),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = async (ctx, cancellationToken) =>
            {
                var wait = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                await WriteTooManyAttemptsAsync(ctx.HttpContext, wait);
            };
        });

    /// <summary>
    /// The client an attempt is counted against: its address (as forwarded by a trusted proxy, see
    /// docs/security.md), or for IPv6 its /64 network, since one client commonly holds a whole /64.
    /// </summary>
    public static string ClientKey(HttpContext? http)
    {
        var ip = http?.Connection.RemoteIpAddress;
        if (ip is null)
        {
            return "unknown";
        }
        if (ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }
        if (ip.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return ip.ToString();
        }
        var bytes = ip.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>Sets Retry-After in whole seconds, rounded up (at least one).</summary>
    public static void SetRetryAfter(HttpResponse response, TimeSpan wait)
        => response.Headers.RetryAfter = RetryAfterSeconds(wait).ToString(CultureInfo.InvariantCulture);

    public static int RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    /// <summary>The words of every refused sign-in, the same whichever account was tried.</summary>
    public static string TooManyAttemptsDetail(TimeSpan wait)
        => $"Too many sign-in attempts; try again in {RetryAfterSeconds(wait)} seconds.";

    public const string TooManyAttemptsTitle = "Too many attempts";

    /// <summary>429, Retry-After and a problem body.</summary>
    public static async Task WriteTooManyAttemptsAsync(HttpContext http, TimeSpan wait)
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        SetRetryAfter(http.Response, wait);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = TooManyAttemptsTitle, Detail = TooManyAttemptsDetail(wait) },
        });
    }
}
