using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Jsms.Features.Tracking;

/// <summary>
/// The OsmAnd / Traccar client protocol on a port of its own (<c>Jsms:Tracking:OsmAndPort</c>, as Traccar's 5055), so
/// trackers can be pointed at <c>http://server:5055/?id=...</c> without reaching the rest of the application. Kestrel gets
/// the extra address before it starts (added to the server's addresses, beside <c>--urls</c>); on that port "/" and
/// <c>/api/tracking/osmand</c> reach the same handler as <c>/api/tracking/osmand</c> on the main port and every other path is 404.
/// A startup filter does both, so the feature needs no change to the host's composition.
/// </summary>
internal sealed class OsmAndPortFilter(IOptions<TrackingProtocolOptions> options) : IStartupFilter
{
    public const string Path = "/api/tracking/osmand";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var port = options.Value.OsmAndPort;
        if (port > 0)
        {
            var addresses = app.ApplicationServices.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            if (addresses is { IsReadOnly: false })
            {
                if (addresses.Count == 0)
                {
                    // Kestrel's own default applies only when no address is given; keep it for the main application.
                    addresses.Add("http://localhost:5000");
                }
                addresses.Add($"http://*:{port}");
            }
            app.Use((context, nextMiddleware) =>
            {
                if (context.Connection.LocalPort != port)
                {
                    return nextMiddleware(context);
                }
                var path = context.Request.Path;
                if (path == "/" || path.Equals(Path, StringComparison.OrdinalIgnoreCase))
                {
                    context.Request.Path = Path;
                    return nextMiddleware(context);
                }
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        }
        next(app);
    };
}
