using System.Text.Json;
using Jsms.Features.Protection;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jsms.Features.Tracking;

/// <summary>
/// Ingest under <c>/api/tracking</c>: the OsmAnd/Traccar client protocol (anonymous: a device is known by its unique id,
/// as in Traccar), the JSON position batch and sightings (signed-in callers with a writing role), and the node's counters.
/// Unknown devices and sensors are refused (403) and counted; malformed input is a 400 naming each problem; an answer of
/// 200 means the observations are committed (through the group-commit IngestWriter) and have been through the engine.
/// </summary>
internal static class IngestEndpoints
{
    /// <summary>OsmAnd / Traccar client: GET query, form POST, or the JSON body of newer clients. 200 once stored.</summary>
    public static async Task<IResult> OsmAnd(HttpContext context, JsmsDbContext db, DeviceDirectory directory, IngestWriter writer, TrackingCounters counters,
        TimeProvider clock, IOptions<TrackingOptions> options)
    {
        var request = context.Request;
        var now = clock.GetUtcNow().UtcDateTime;
        List<Fix> fixes;
        Dictionary<string, string[]> errors;
        string? key;
        var (body, tooLarge) = await OsmAndProtocol.ReadBodyAsync(context);
        if (tooLarge)
        {
            counters.AddMalformed(1);
            return TypedResults.Problem($"The body is larger than {OsmAndProtocol.MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large");
        }
        if (request.HasJsonContentType())
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(body);
            }
            catch (JsonException e)
            {
                counters.AddMalformed(1);
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"Not valid JSON: {e.Message}"] });
            }
            using (document)
            {
                (var list, errors) = OsmAndProtocol.FromJson(document.RootElement, now);
                fixes = list ?? [];
            }
            key = request.Query[DeviceCredentials.KeyParameter].FirstOrDefault();
        }
        else
        {
            var parameters = OsmAndProtocol.Parameters(request, body);
            (var fix, errors) = OsmAndProtocol.FromParameters(parameters, now);
            fixes = fix is null ? [] : [fix];
            key = parameters(DeviceCredentials.KeyParameter);
        }
        CheckFuture(errors, fixes.Select((f, i) => (fixes.Count == 1 ? "timestamp" : $"location[{i}].timestamp", f.Time)), now, options.Value);
        if (errors.Count > 0)
        {
            counters.AddMalformed(1);
            return TypedResults.ValidationProblem(errors);
        }
        if (fixes.Count == 0)
        {
            counters.AddMalformed(1);
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["location"] = ["Send at least one location."] });
        }
        var uniqueId = fixes[0].DeviceId;
        var device = await directory.FindAsync(db, uniqueId, context.RequestAborted);
        if (device is null)
        {
            counters.AddUnknownDevices(fixes.Count);
            return TypedResults.Problem($"No device is registered with unique id '{uniqueId}'.", statusCode: StatusCodes.Status403Forbidden, title: "Unknown device");
        }
        if (!DeviceCredentials.SecretMatches(device, key))
        {
            // Same count as an unknown device: to the ingest, a position without its device's secret is from nobody it knows.
            counters.AddUnknownDevices(fixes.Count);
            return TypedResults.Problem($"This device needs its secret in the '{DeviceCredentials.KeyParameter}' parameter; nothing was stored.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Device secret required");
        }
        await writer.StorePositionsAsync(fixes.Select(f => new PositionToStore(device, f)).ToList(), now, context.RequestAborted);
        return TypedResults.Ok();
    }

    /// <summary>A JSON array of positions (device unique id, time, latitude, longitude, speed m/s...); all-or-nothing on malformed input.</summary>
    public static async Task<Results<Ok<IngestResult>, ValidationProblem, ProblemHttpResult>> Positions(PositionInput[] request, Caller caller,
        JsmsDbContext db, DeviceDirectory directory, IngestWriter writer, TrackingCounters counters, TimeProvider clock, IOptions<TrackingOptions> options, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new Dictionary<string, string[]>();
        if (request.Length == 0)
        {
            errors["body"] = ["Send a JSON array of at least one position."];
        }
        for (var i = 0; i < request.Length; i++)
        {
            var p = request[i];
            if (p is null)
            {
                errors[$"[{i}]"] = ["Null item."];
                continue;
            }
            if (string.IsNullOrWhiteSpace(p.DeviceId))
            {
                errors[$"[{i}].deviceId"] = ["Required: the device's unique id."];
            }
            if (p.Time is null)
            {
                errors[$"[{i}].time"] = ["Required: ISO 8601."];
            }
            if (p.Latitude is not { } lat || !Geo.IsLatitude(lat))
            {
                errors[$"[{i}].latitude"] = ["Required, -90..90."];
            }
            if (p.Longitude is not { } lon || !Geo.IsLongitude(lon))
            {
                errors[$"[{i}].longitude"] = ["Required, -180..180."];
            }
        }
        CheckFuture(errors, request.Select((p, i) => ($"[{i}].time", p?.Time is { } t ? Utc(t) : now)), now, options.Value);
        if (errors.Count > 0)
        {
            counters.AddMalformed(1);
            return TypedResults.ValidationProblem(errors);
        }
        var ids = request.Select(p => p.DeviceId!.Trim()).ToHashSet(StringComparer.Ordinal);
        var known = await directory.ReadableAsync(db, caller, ids, cancellationToken);
        var refused = new List<RefusedItem>();
        var accepted = new List<PositionToStore>(request.Length);
        for (var i = 0; i < request.Length; i++)
        {
            var p = request[i];
            if (known.TryGetValue(p.DeviceId!.Trim(), out var device))
            {
                accepted.Add(new PositionToStore(device, new Fix(device.UniqueId, Utc(p.Time!.Value), p.Latitude!.Value, p.Longitude!.Value, p.Speed, p.Bearing, p.Altitude, p.Accuracy)));
            }
            else
            {
                refused.Add(new RefusedItem(i, p.DeviceId!.Trim(), "unknown device"));
            }
        }
        counters.AddUnknownDevices(refused.Count);
        if (accepted.Count == 0)
        {
            return TypedResults.Problem("None of the devices is registered (or visible to you): " + string.Join(", ", refused.Select(r => r.Id).Distinct()),
                statusCode: StatusCodes.Status403Forbidden, title: "Unknown device");
        }
        var alerts = await writer.StorePositionsAsync(accepted, now, cancellationToken);
        return TypedResults.Ok(new IngestResult(accepted.Count, refused, alerts));
    }

    /// <summary>A JSON array of sightings (sensor code, subject, time); all-or-nothing on malformed input, unknown sensors refused item by item.</summary>
    public static async Task<Results<Ok<IngestResult>, ValidationProblem, ProblemHttpResult>> Sightings(SightingInput[] request, Caller caller,
        JsmsDbContext db, IngestWriter writer, TrackingCounters counters, TimeProvider clock, IOptions<TrackingOptions> options, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new Dictionary<string, string[]>();
        if (request.Length == 0)
        {
            errors["body"] = ["Send a JSON array of at least one sighting."];
        }
        for (var i = 0; i < request.Length; i++)
        {
            var s = request[i];
            if (s is null)
            {
                errors[$"[{i}]"] = ["Null item."];
                continue;
            }
            if (string.IsNullOrWhiteSpace(s.SensorId))
            {
                errors[$"[{i}].sensorId"] = ["Required: the sensor's code."];
            }
            if (string.IsNullOrWhiteSpace(s.Subject))
            {
                errors[$"[{i}].subject"] = ["Required: the plate or track id seen."];
            }
            else if (s.Subject.Trim().Length > 128)
            {
                errors[$"[{i}].subject"] = ["At most 128 characters."];
            }
            if (s.Time is null)
            {
                errors[$"[{i}].time"] = ["Required: ISO 8601."];
            }
        }
        CheckFuture(errors, request.Select((s, i) => ($"[{i}].time", s?.Time is { } t ? Utc(t) : now)), now, options.Value);
        if (errors.Count > 0)
        {
            counters.AddMalformed(1);
            return TypedResults.ValidationProblem(errors);
        }
        var codes = request.Select(s => s.SensorId!.Trim()).Distinct().ToList();
        var known = await db.Readable<Sensor>(caller).AsNoTracking().Where(s => codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, cancellationToken);
        var refused = new List<RefusedItem>();
        var rows = new List<SightingToStore>(request.Length);
        for (var i = 0; i < request.Length; i++)
        {
            var s = request[i];
            if (known.TryGetValue(s.SensorId!.Trim(), out var sensor))
            {
                rows.Add(new SightingToStore(sensor, TrackingModule.NormaliseSubject(s.Subject!), Utc(s.Time!.Value)));
            }
            else
            {
                refused.Add(new RefusedItem(i, s.SensorId!.Trim(), "unknown sensor"));
            }
        }
        counters.AddUnknownSensors(refused.Count);
        if (rows.Count == 0)
        {
            return TypedResults.Problem("None of the sensors is registered (or visible to you): " + string.Join(", ", refused.Select(r => r.Id).Distinct()),
                statusCode: StatusCodes.Status403Forbidden, title: "Unknown sensor");
        }
        var alerts = await writer.StoreSightingsAsync(rows, now, cancellationToken);
        return TypedResults.Ok(new IngestResult(rows.Count, refused, alerts));
    }

    private static void CheckFuture(Dictionary<string, string[]> errors, IEnumerable<(string Key, DateTime Time)> times, DateTime now, TrackingOptions options)
    {
        var limit = now.AddMinutes(options.MaxFutureMinutes);
        foreach (var (key, time) in times)
        {
            if (time > limit && !errors.ContainsKey(key))
            {
                errors[key] = [$"{time:u} is in the future (server time {now:u})."];
            }
        }
    }

    private static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    public static Ok<TrackingStatsDto> Stats(TrackingCounters c, TrackingPipeline pipeline)
        => TypedResults.Ok(new TrackingStatsDto(c.Positions, c.Sightings, c.UnknownDevices, c.UnknownSensors, c.Malformed, c.Alerts, pipeline.EngineNow));
}
