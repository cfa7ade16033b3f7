using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Jsms.Platform.Web;

/// <summary>
/// What makes a request count as HTTPS and what that turns on: forwarded headers from the configured proxies only,
/// then HSTS on every HTTPS request (cookies are marked Secure on HTTPS requests where they are configured).
/// Kestrel serves HTTPS itself from the standard <c>Kestrel:Endpoints</c> configuration (docs/security.md).
/// </summary>
internal static class Https
{
    public static IServiceCollection AddJsmsHttps(this IServiceCollection services, JsmsOptions options)
    {
        if (options.Proxy.Enabled)
        {
            var proxies = options.Proxy.KnownProxies.Select(p => IPAddress.TryParse(p, out var ip) ? ip
                : throw new InvalidOperationException($"Jsms:Proxy:KnownProxies: \"{p}\" is not an IP address.")).ToList();
            var networks = options.Proxy.KnownNetworks.Select(n => System.Net.IPNetwork.TryParse(n, out var network) ? network
                : throw new InvalidOperationException($"Jsms:Proxy:KnownNetworks: \"{n}\" is not a network in CIDR notation (e.g. 10.0.0.0/24).")).ToList();
            services.Configure<ForwardedHeadersOptions>(o =>
            {
                o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                // The defaults trust loopback; only what the operator listed is trusted.
                o.KnownProxies.Clear();
                o.KnownIPNetworks.Clear();
                proxies.ForEach(o.KnownProxies.Add);
                networks.ForEach(o.KnownIPNetworks.Add);
                o.ForwardLimit = Math.Max(1, options.Proxy.ForwardLimit);
            });
        }
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(Math.Max(0, options.Https.HstsMaxAgeDays));
            o.IncludeSubDomains = options.Https.HstsIncludeSubDomains;
        });
        return services;
    }

    /// <summary>First in the pipeline, so that everything after it sees the client's address and scheme.</summary>
    public static IApplicationBuilder UseJsmsHttps(this IApplicationBuilder app, JsmsOptions options)
    {
        if (options.Proxy.Enabled)
        {
            app.UseForwardedHeaders();
        }
        // HSTS is sent on HTTPS requests only (never over plain HTTP), and not to localhost.
        if (options.Https.HstsMaxAgeDays > 0)
        {
            app.UseHsts();
        }
        return app;
    }
}
