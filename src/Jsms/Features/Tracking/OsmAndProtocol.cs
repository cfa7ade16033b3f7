using System.Globalization;
using System.Text.Json;
using Jsms.Features.Protection;
using Jsms.Platform.Web;

namespace Jsms.Features.Tracking;

/// <summary>
/// The OsmAnd / Traccar client HTTP protocol (docs/tracking.md): query or form parameters
/// (<c>id</c>, <c>lat</c>, <c>lon</c> or <c>location=lat,lon</c>, <c>timestamp</c> in unix seconds, milliseconds or
/// ISO 8601, <c>speed</c> in knots, <c>bearing</c>/<c>heading</c>, <c>altitude</c>, <c>accuracy</c>), and the JSON body
/// of newer clients (<c>device_id</c>, <c>location.timestamp</c>, <c>location.coords.{latitude, longitude, speed (m/s),
/// heading, altitude, accuracy}</c>; <c>location</c> may also be an array).
/// </summary>
internal static class OsmAndProtocol
{
    public const double MetresPerSecondPerKnot = 1852.0 / 3600.0;

    /// <summary>
    /// Largest body of an OsmAnd request: the server's own default limit (<c>Jsms:MaxRequestBodyBytes</c>), about 1,500
    /// locations of the JSON form in one batch (a client that was offline longer sends several batches when its batch size is set).
    /// </summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>The body as text, read up to <see cref="MaxBodyBytes"/>; true when it is longer (nothing of it is used then).</summary>
    public static Task<(string Text, bool TooLarge)> ReadBodyAsync(HttpContext context)
        => CursorOnTarget.ReadLimitedAsync(context, MaxBodyBytes, context.RequestAborted);

    /// <summary>
    /// The parameters of the query form: from the query string, else from the body as <c>application/x-www-form-urlencoded</c>
    /// text, whatever its Content-Type says (Traccar's decoder reads the body so when the URL has no parameters; clients
    /// posting a form often send no Content-Type, or text/plain). A parameter in both takes the body's value.
    /// </summary>
    public static Func<string, string?> Parameters(HttpRequest request, string body)
    {
        var form = body.Length == 0 ? null : Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(body.StartsWith('?') ? body : "?" + body);
        return name => form is not null && form.TryGetValue(name, out var f) && f.FirstOrDefault() is { Length: > 0 } value
            ? value
            : request.Query[name].FirstOrDefault();
    }

    public static (Fix? Fix, Dictionary<string, string[]> Errors) FromParameters(Func<string, string?> get, DateTime now)
    {
        var errors = new Dictionary<string, string[]>();
        var id = get("id") ?? get("deviceid");
        if (string.IsNullOrWhiteSpace(id))
        {
            errors["id"] = ["Required: the device's unique id."];
        }
        double? lat = Number(errors, "lat", get("lat")), lon = Number(errors, "lon", get("lon"));
        if (lat is null && lon is null && get("location") is { } location)
        {
            var parts = location.Split(',');
            if (parts.Length == 2)
            {
                lat = Number(errors, "location", parts[0]);
                lon = Number(errors, "location", parts[1]);
            }
            else
            {
                errors["location"] = ["Expected 'latitude,longitude'."];
            }
        }
        CheckCoordinates(errors, lat, lon);
        var time = Time(errors, "timestamp", get("timestamp"), now);
        var speed = Number(errors, "speed", get("speed"));
        var bearing = Number(errors, "bearing", get("bearing") ?? get("heading"));
        var altitude = Number(errors, "altitude", get("altitude"));
        var accuracy = Number(errors, "accuracy", get("accuracy") ?? get("hdop"));
        return errors.Count > 0
            ? (null, errors)
            : (new Fix(id!.Trim(), time, lat!.Value, lon!.Value, speed * MetresPerSecondPerKnot, bearing, altitude, accuracy), errors);
    }

    public static (List<Fix>? Fixes, Dictionary<string, string[]> Errors) FromJson(JsonElement root, DateTime now)
    {
        var errors = new Dictionary<string, string[]>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors["body"] = ["Expected a JSON object with 'device_id' and 'location'."];
            return (null, errors);
        }
        var id = root.TryGetProperty("device_id", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        if (string.IsNullOrWhiteSpace(id))
        {
            errors["device_id"] = ["Required: the device's unique id."];
        }
        if (!root.TryGetProperty("location", out var location) || location.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
        {
            errors["location"] = ["Required: an object with 'timestamp' and 'coords' (or an array of them)."];
            return (null, errors);
        }
        var items = location.ValueKind == JsonValueKind.Array ? location.EnumerateArray().ToList() : [location];
        if (items.Count == 0)
        {
            errors["location"] = ["Send at least one location."];
            return (null, errors);
        }
        var fixes = new List<Fix>();
        for (var i = 0; i < items.Count; i++)
        {
            var prefix = location.ValueKind == JsonValueKind.Array ? $"location[{i}]" : "location";
            var item = items[i];
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("coords", out var coords) || coords.ValueKind != JsonValueKind.Object)
            {
                errors[prefix + ".coords"] = ["Required: an object with 'latitude' and 'longitude'."];
                continue;
            }
            var lat = JsonNumber(errors, prefix + ".coords.latitude", coords, "latitude");
            var lon = JsonNumber(errors, prefix + ".coords.longitude", coords, "longitude");
            if (lat is null && !errors.ContainsKey(prefix + ".coords.latitude"))
            {
                errors[prefix + ".coords.latitude"] = ["Required."];
            }
            if (lon is null && !errors.ContainsKey(prefix + ".coords.longitude"))
            {
                errors[prefix + ".coords.longitude"] = ["Required."];
            }
            if (lat is { } la && !Geo.IsLatitude(la))
            {
                errors[prefix + ".coords.latitude"] = ["Out of range -90..90."];
            }
            if (lon is { } lo && !Geo.IsLongitude(lo))
            {
                errors[prefix + ".coords.longitude"] = ["Out of range -180..180."];
            }
            string? stamp = null;
            if (item.TryGetProperty("timestamp", out var ts))
            {
                stamp = ts.ValueKind == JsonValueKind.Number ? ts.GetRawText() : ts.ValueKind == JsonValueKind.String ? ts.GetString() : "?";
            }
            var time = Time(errors, prefix + ".timestamp", stamp, now);
            var speed = JsonNumber(errors, prefix + ".coords.speed", coords, "speed");
            var heading = JsonNumber(errors, prefix + ".coords.heading", coords, "heading");
            var altitude = JsonNumber(errors, prefix + ".coords.altitude", coords, "altitude");
            var accuracy = JsonNumber(errors, prefix + ".coords.accuracy", coords, "accuracy");
            if (lat is not null && lon is not null && id is not null)
            {
                // Negative speed, heading or accuracy means "unknown" in these clients (they send -1).
                fixes.Add(new Fix(id.Trim(), time, lat.Value, lon.Value, speed is < 0 ? null : speed, heading is < 0 ? null : heading, altitude,
                    accuracy is < 0 ? null : accuracy));
            }
        }
        return errors.Count > 0 ? (null, errors) : (fixes, errors);
    }

    private static double? JsonNumber(Dictionary<string, string[]> errors, string key, JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && FiniteNumber.TryParse(value.GetRawText(), out var number))
        {
            return number;
        }
        errors[key] = [value.ValueKind == JsonValueKind.Number ? NonFiniteNumberException.Problem : "Must be a number."];
        return null;
    }

    private static double? Number(Dictionary<string, string[]> errors, string key, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (FiniteNumber.TryParse(text, out var value))
        {
            return value;
        }
        errors[key] = [FiniteNumber.NotANumber(text)];
        return null;
    }

    private static void CheckCoordinates(Dictionary<string, string[]> errors, double? lat, double? lon)
    {
        if (lat is null && !errors.ContainsKey("lat") && !errors.ContainsKey("location"))
        {
            errors["lat"] = ["Required: latitude in degrees."];
        }
        if (lon is null && !errors.ContainsKey("lon") && !errors.ContainsKey("location"))
        {
            errors["lon"] = ["Required: longitude in degrees."];
        }
        if (lat is { } la && !Geo.IsLatitude(la))
        {
            errors["lat"] = ["Out of range -90..90."];
        }
        if (lon is { } lo && !Geo.IsLongitude(lo))
        {
            errors["lon"] = ["Out of range -180..180."];
        }
    }

    /// <summary>Unix seconds (or milliseconds when the number is that large), or ISO 8601; absent means "now".</summary>
    public static DateTime Time(Dictionary<string, string[]> errors, string key, string? text, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return now;
        }
        text = text.Trim();
        if (FiniteNumber.TryParse(text, out var number))
        {
            var seconds = number > 100_000_000_000 ? number / 1000 : number;
            if (seconds is > 0 and < 32_503_680_000)
            {
                return DateTime.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
            }
        }
        else if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return parsed.UtcDateTime;
        }
        errors[key] = [$"'{Truncate(text)}' is not a time: unix seconds or ISO 8601."];
        return now;
    }

    private static string Truncate(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
