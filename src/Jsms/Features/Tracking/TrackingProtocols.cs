using Jsms.Platform.Web;

namespace Jsms.Features.Tracking;

/// <summary>
/// Registration of the protocols beside the OsmAnd and JSON endpoints of <see cref="TrackingModule"/>: Cursor-on-Target
/// over HTTP and TCP, the OsmAnd protocol on its own port, GPX/CSV track import, the restore of the engine's state at
/// start-up, and the movement detection settings. See docs/tracking.md.
/// </summary>
internal static class TrackingProtocols
{
    /// <summary>Called before the tracking timer is added: hosted services start in order, so the restore is done before the first tick.</summary>
    public static IServiceCollection AddTrackingProtocols(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TrackingProtocolOptions>(configuration.GetSection(TrackingOptions.Section));
        services.Configure<MovementWatchOptions>(configuration.GetSection(TrackingOptions.Section));
        services.AddSingleton<CotListener>();
        services.AddHostedService(sp => sp.GetRequiredService<CotListener>());
        services.AddSingleton<TrackingRestore>();
        services.AddHostedService(sp => sp.GetRequiredService<TrackingRestore>());
        services.AddTransient<IStartupFilter, OsmAndPortFilter>();
        return services;
    }

    public static IEndpointRouteBuilder MapTrackingProtocols(this IEndpointRouteBuilder app)
    {
        var ingest = app.MapApiGroup("/tracking", "Tracking").MapWritesGroup();
        ingest.MapPost("/cot", CursorOnTarget.Post).Accepts<string>("application/xml", "text/xml");
        ingest.MapPost("/import", TrackImport.Post).Accepts<string>("application/gpx+xml", "text/csv");
        return app;
    }
}
