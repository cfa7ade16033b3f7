using Jsms.Platform.Web;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jsms.Features.Tracking;

/// <summary>
/// The tracking feature's services and routes: devices (<see cref="DeviceEndpoints"/>) and sensors
/// (<see cref="SensorEndpoints"/>) under <c>/api/devices</c> and <c>/api/sensors</c>; ingest
/// (<see cref="IngestEndpoints"/>) under <c>/api/tracking</c>; the other protocols in <see cref="TrackingProtocols"/>.
/// See docs/tracking.md.
/// </summary>
internal static class TrackingModule
{
    public static IServiceCollection AddTracking(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TrackingOptions>(configuration.GetSection(TrackingOptions.Section));
        services.AddSingleton<TrackingCounters>();
        services.AddSingleton<TrackingPipeline>();
        services.AddSingleton<IngestWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<IngestWriter>());
        services.AddSingleton<MovementMonitor>();
        services.AddTrackingProtocols(configuration);
        services.AddScoped<DeviceRegistry>();
        services.AddScoped<Protection.ITrackerDirectory, TrackerDirectory>();
        services.AddSingleton<DeviceDirectory>();
        // Every JsmsDbContext counts device changes, so the directory's snapshot knows when it is stale.
        services.AddSingleton<IInterceptor>(DeviceChanges.Interceptor);
        services.AddHostedService<TrackingTimer>();
        return services;
    }

    public static IEndpointRouteBuilder MapTracking(this IEndpointRouteBuilder app)
    {
        var devices = app.MapApiGroup("/devices", "Tracking");
        devices.MapGet("", DeviceEndpoints.ListDevices);
        devices.MapGet("/{id:guid}", DeviceEndpoints.GetDevice);
        var deviceWrites = devices.MapWritesGroup();
        deviceWrites.MapPost("", DeviceEndpoints.CreateDevice);
        deviceWrites.MapPut("/{id:guid}", DeviceEndpoints.UpdateDevice);
        deviceWrites.MapDelete("/{id:guid}", DeviceEndpoints.DeleteDevice);
        deviceWrites.MapPost("/{id:guid}/secret", DeviceEndpoints.SetDeviceSecret);
        deviceWrites.MapDelete("/{id:guid}/secret", DeviceEndpoints.ClearDeviceSecret);
        deviceWrites.MapPut("/{id:guid}/certificate", DeviceEndpoints.BindDeviceCertificate);
        deviceWrites.MapDelete("/{id:guid}/certificate", DeviceEndpoints.UnbindDeviceCertificate);

        var sensors = app.MapApiGroup("/sensors", "Tracking");
        sensors.MapGet("", SensorEndpoints.ListSensors);
        sensors.MapGet("/{id:guid}", SensorEndpoints.GetSensor);
        var sensorWrites = sensors.MapWritesGroup();
        sensorWrites.MapPost("", SensorEndpoints.CreateSensor);
        sensorWrites.MapPut("/{id:guid}", SensorEndpoints.UpdateSensor);
        sensorWrites.MapDelete("/{id:guid}", SensorEndpoints.DeleteSensor);

        app.MapMethods("/api/tracking/osmand", ["GET", "POST"], IngestEndpoints.OsmAnd).AllowAnonymous().DisableAntiforgery().WithTags("Tracking");
        var tracking = app.MapApiGroup("/tracking", "Tracking");
        // Node-wide counters (every agency's positions and alerts): an operator's figure, not a partner's.
        tracking.MapGet("/stats", IngestEndpoints.Stats).RequireAuthorization(p => p.RequireRole(Jsms.Platform.Identity.JsmsRoles.Administrator));
        var ingest = tracking.MapWritesGroup();
        ingest.MapPost("/positions", IngestEndpoints.Positions);
        ingest.MapPost("/sightings", IngestEndpoints.Sightings);
        app.MapTrackingProtocols();
        return app;
    }

    /// <summary>Plates are compared without case, spaces or dashes ("LEA 1234" is "lea-1234").</summary>
    public static string NormaliseSubject(string subject)
    {
        // Upper case without white space or dashes; most plates and ids arrive that way already and are returned as they are.
        var keep = 0;
        var changed = false;
        foreach (var c in subject)
        {
            if (char.IsSurrogate(c))
            {
                // Letters beyond the basic plane are upper-cased as pairs by the string's own rule.
                return new(subject.ToUpperInvariant().Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
            }
            if (char.IsWhiteSpace(c) || c == '-')
            {
                changed = true;
            }
            else
            {
                keep++;
                changed |= char.ToUpperInvariant(c) != c;
            }
        }
        if (!changed)
        {
            return subject;
        }
        return string.Create(keep, subject, static (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (!char.IsWhiteSpace(c) && c != '-')
                {
                    span[i++] = char.ToUpperInvariant(c);
                }
            }
        });
    }
}
