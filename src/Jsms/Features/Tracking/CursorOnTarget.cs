using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Jsms.Features.Protection;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jsms.Features.Tracking;

/// <summary>
/// Cursor-on-Target (CoT 2.0) events: <c>&lt;event version="2.0" uid type time start stale how&gt;&lt;point lat lon hae ce
/// le/&gt;&lt;detail/&gt;&lt;/event&gt;</c>, times ISO 8601 UTC. The uid is the device's unique id. Speed (m/s) and course come
/// from <c>detail/track</c> when present; 9999999 for hae or ce means unknown. Parsed with DTDs prohibited and no resolver.
/// </summary>
internal static class CursorOnTarget
{
    /// <summary>CoT's "unknown" for hae, ce and le.</summary>
    private const double Unknown = 9_999_999;

    public static XmlReaderSettings ReaderSettings(long maxCharacters) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = maxCharacters,
        MaxCharactersFromEntities = 0,
        ConformanceLevel = ConformanceLevel.Fragment,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    /// <summary>
    /// Every top-level element of the text must be an &lt;event&gt;; errors are keyed <c>event[i]</c> or <c>event[i].point.lat</c>
    /// (or <c>body</c> with the line and position of broken XML). Nothing is returned when anything is wrong.
    /// </summary>
    public static (List<CotEvent> Events, Dictionary<string, string[]> Errors) ParseMany(string xml)
    {
        var events = new List<CotEvent>();
        var errors = new Dictionary<string, string[]>();
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), ReaderSettings(xml.Length + 1));
            reader.MoveToContent();
            var index = 0;
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    if (reader.NodeType == XmlNodeType.Text)
                    {
                        errors["body"] = [$"Text outside an <event> at line {((IXmlLineInfo)reader).LineNumber}."];
                        break;
                    }
                    reader.Read();
                    continue;
                }
                var element = (XElement)XNode.ReadFrom(reader);
                var key = $"event[{index++}]";
                if (element.Name.LocalName != "event")
                {
                    errors[key] = [$"Expected <event>, found <{element.Name.LocalName}>."];
                    continue;
                }
                var (cot, problems) = Read(element);
                foreach (var (field, message) in problems)
                {
                    errors[field.Length == 0 ? key : $"{key}.{field}"] = [message];
                }
                if (cot is not null)
                {
                    events.Add(cot);
                }
            }
            if (index == 0 && errors.Count == 0)
            {
                errors["body"] = ["Send one or more CoT <event> elements."];
            }
        }
        catch (XmlException e)
        {
            errors["body"] = [$"Not well-formed XML (or a DTD, which is refused): {e.Message}"];
        }
        return errors.Count > 0 ? ([], errors) : (events, errors);
    }

    /// <summary>One event's text (as framed from a TCP stream); null and the problem when it is not a valid event.</summary>
    public static (CotEvent? Event, string? Problem) ParseOne(string xml)
    {
        var (events, errors) = ParseMany(xml);
        if (errors.Count > 0)
        {
            return (null, string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value[0]}")));
        }
        return events.Count == 1 ? (events[0], null) : (null, "Expected exactly one <event>.");
    }

    private static (CotEvent?, List<(string Field, string Message)>) Read(XElement e)
    {
        var problems = new List<(string, string)>();
        var version = (string?)e.Attribute("version");
        if (version is null || !FiniteNumber.TryParse(version, out var v) || v < 2)
        {
            problems.Add(("version", "Required: 2.0."));
        }
        var uid = ((string?)e.Attribute("uid"))?.Trim();
        if (string.IsNullOrEmpty(uid))
        {
            problems.Add(("uid", "Required: the device's unique id."));
        }
        else if (uid.Length > 128)
        {
            problems.Add(("uid", "At most 128 characters."));
        }
        var type = ((string?)e.Attribute("type"))?.Trim();
        if (string.IsNullOrEmpty(type) || type.Length > 100 || !type.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_'))
        {
            problems.Add(("type", "Required: a CoT type such as a-f-G-U-C."));
        }
        var how = ((string?)e.Attribute("how"))?.Trim();
        if (string.IsNullOrEmpty(how))
        {
            problems.Add(("how", "Required: how the position was made, e.g. m-g."));
        }
        var time = Time(problems, "time", (string?)e.Attribute("time"));
        var start = Time(problems, "start", (string?)e.Attribute("start"));
        var stale = Time(problems, "stale", (string?)e.Attribute("stale"));
        if (start is { } s && stale is { } st && st < s)
        {
            problems.Add(("stale", "Must not be before start."));
        }
        var point = e.Element(e.Name.Namespace + "point") ?? e.Element("point");
        double? lat = null, lon = null, hae = null, ce = null;
        if (point is null)
        {
            problems.Add(("point", "Required: <point lat lon hae ce le/>."));
        }
        else
        {
            lat = Number(problems, "point.lat", (string?)point.Attribute("lat"));
            lon = Number(problems, "point.lon", (string?)point.Attribute("lon"));
            hae = Number(problems, "point.hae", (string?)point.Attribute("hae"));
            ce = Number(problems, "point.ce", (string?)point.Attribute("ce"));
            Number(problems, "point.le", (string?)point.Attribute("le"));
            if (lat is { } la && !Geo.IsLatitude(la))
            {
                problems.Add(("point.lat", "Out of range -90..90."));
            }
            if (lon is { } lo && !Geo.IsLongitude(lo))
            {
                problems.Add(("point.lon", "Out of range -180..180."));
            }
        }
        var track = e.Element("detail")?.Element("track");
        double? speed = null, course = null;
        if (track is not null)
        {
            speed = Optional(problems, "detail.track.speed", (string?)track.Attribute("speed"));
            course = Optional(problems, "detail.track.course", (string?)track.Attribute("course"));
        }
        if (problems.Count > 0)
        {
            return (null, problems);
        }
        var fix = new Fix(uid!, time!.Value, lat!.Value, lon!.Value, speed is < 0 ? null : speed, course is < 0 ? null : course,
            hae >= Unknown ? null : hae, ce >= Unknown ? null : ce);
        return (new CotEvent(uid!, type!, time.Value, start!.Value, stale!.Value, how!, fix), problems);
    }

    private static DateTime? Time(List<(string, string)> problems, string field, string? text)
    {
        // ISO 8601 with a date and a time (CoT writes UTC with a Z); an offset is converted to UTC.
        if (!string.IsNullOrWhiteSpace(text) && text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return parsed.UtcDateTime;
        }
        problems.Add((field, text is null ? "Required: ISO 8601 UTC, e.g. 2026-03-10T09:00:00Z." : $"'{Cut(text)}' is not an ISO 8601 time."));
        return null;
    }

    private static double? Number(List<(string, string)> problems, string field, string? text)
    {
        if (text is null)
        {
            problems.Add((field, "Required."));
            return null;
        }
        return Optional(problems, field, text);
    }

    private static double? Optional(List<(string, string)> problems, string field, string? text)
    {
        if (text is null)
        {
            return null;
        }
        if (FiniteNumber.TryParse(text, out var value))
        {
            return value;
        }
        problems.Add((field, FiniteNumber.NotANumber(text)));
        return null;
    }

    private static string Cut(string text) => text.Length > 40 ? text[..40] + "…" : text;

    /// <summary>Observations stamped too far ahead of the clock are malformed, as for the other protocols.</summary>
    internal static string? FutureProblem(DateTime time, DateTime now, TrackingOptions options)
        => time > now.AddMinutes(options.MaxFutureMinutes) ? $"{time:u} is in the future (server time {now:u})." : null;

    /// <summary>
    /// <c>POST /api/tracking/cot</c>: one or more events in the body (signed in with a writing role, checked before the body is
    /// read). All or nothing: a malformed event is a 400 naming it, an unknown (or invisible) uid a 403 naming it, and nothing
    /// is stored; otherwise the positions are stored and run through the engine before the 200.
    /// </summary>
    public static async Task<Results<Ok<IngestResult>, ValidationProblem, ProblemHttpResult>> Post(HttpContext context, Caller caller, JsmsDbContext db,
        IngestWriter writer, TrackingCounters counters, TimeProvider clock, IOptions<TrackingOptions> options,
        IOptions<TrackingProtocolOptions> protocol, CancellationToken cancellationToken)
    {
        var (text, tooLarge) = await ReadLimitedAsync(context, protocol.Value.CotMaxRequestBytes, cancellationToken);
        if (tooLarge)
        {
            counters.AddMalformed(1);
            return TypedResults.Problem($"The body is larger than {protocol.Value.CotMaxRequestBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Too large");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var (events, errors) = ParseMany(text);
        for (var i = 0; i < events.Count; i++)
        {
            if (FutureProblem(events[i].Time, now, options.Value) is { } problem)
            {
                errors[$"event[{i}].time"] = [problem];
            }
        }
        if (errors.Count > 0)
        {
            counters.AddMalformed(1);
            return TypedResults.ValidationProblem(errors, title: "Malformed Cursor-on-Target events");
        }
        var positions = events.Where(e => e.IsPosition).ToList();
        var uids = positions.Select(e => e.Uid).Distinct().ToList();
        var known = await db.Readable<Device>(caller).AsNoTracking().Where(d => uids.Contains(d.UniqueId)).ToDictionaryAsync(d => d.UniqueId, cancellationToken);
        var unknown = uids.Where(u => !known.ContainsKey(u)).ToList();
        if (unknown.Count > 0)
        {
            counters.AddUnknownDevices(positions.Count(e => !known.ContainsKey(e.Uid)));
            return TypedResults.Problem("No device is registered (or visible to you) with uid " + string.Join(", ", unknown.Select(u => $"'{u}'"))
                + "; nothing was stored.", statusCode: StatusCodes.Status403Forbidden, title: "Unknown device");
        }
        var alerts = positions.Count == 0 ? 0
            : await writer.StorePositionsAsync(positions.Select(e => new PositionToStore(known[e.Uid], e.Fix)).ToList(), now, cancellationToken);
        return TypedResults.Ok(new IngestResult(positions.Count, [], alerts));
    }

    /// <summary>Reads the body as UTF-8 up to a limit (the server's own limit is larger); true when it was longer.</summary>
    internal static async Task<(string Text, bool TooLarge)> ReadLimitedAsync(HttpContext context, long maxBytes, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > maxBytes)
        {
            return ("", true);
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit && (limit.MaxRequestBodySize is null || limit.MaxRequestBodySize > maxBytes))
        {
            limit.MaxRequestBodySize = maxBytes + 1;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = await context.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return ("", true);
                }
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // The server's own limit (Jsms:MaxRequestBodyBytes) was met first.
            return ("", true);
        }
        return (Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), false);
    }
}
