using System.Xml;
using System.Xml.Linq;
using Jsms.Features.Protection;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jsms.Features.Tracking;

/// <summary>
/// GPX 1.1 and CSV tracks imported and replayed (exercises, tests, a tracker's log brought in after the fact): the points
/// are stored as positions of a device and run through the engine in event-time order, like live positions, so a replay
/// raises the same alerts. A file is checked whole before anything is stored; a bad one is refused naming the line
/// (and element). GPX: <c>trk/trkseg/trkpt</c> with <c>lat</c>, <c>lon</c> and a <c>time</c> (and <c>ele</c>);
/// CSV: a header naming <c>deviceId</c> (or <c>device</c>, <c>subject</c>: the device's unique id), <c>time</c>, <c>lat</c>,
/// <c>lon</c> and optionally <c>speed</c> (m/s). With a device given, every point is that device's.
/// </summary>
internal static class TrackImport
{
    internal enum Format { Gpx, Csv }

    internal sealed record Point(int Line, string? DeviceId, DateTime Time, double Latitude, double Longitude, double? Speed, double? Altitude);

    private const int MaxErrors = 50;

    /// <summary>GPX when the content type says XML or the text starts with '&lt;', else CSV.</summary>
    public static Format Detect(string? contentType, string text)
    {
        if (contentType is not null && (contentType.Contains("xml", StringComparison.OrdinalIgnoreCase) || contentType.Contains("gpx", StringComparison.OrdinalIgnoreCase)))
        {
            return Format.Gpx;
        }
        if (contentType is not null && contentType.Contains("csv", StringComparison.OrdinalIgnoreCase))
        {
            return Format.Csv;
        }
        return text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('<') ? Format.Gpx : Format.Csv;
    }

    public static (List<Point> Points, Dictionary<string, string[]> Errors) Parse(Format format, string text)
        => format == Format.Gpx ? ParseGpx(text) : ParseCsv(text);

    public static (List<Point> Points, Dictionary<string, string[]> Errors) ParseGpx(string text)
    {
        var points = new List<Point>();
        var errors = new Dictionary<string, string[]>();
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersFromEntities = 0, MaxCharactersInDocument = text.Length + 1 };
            using var reader = XmlReader.Create(new StringReader(text), settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            errors["file"] = [$"Not well-formed XML (or a DTD, which is refused): {e.Message}"];
            return (points, errors);
        }
        var root = document.Root!;
        if (root.Name.LocalName != "gpx")
        {
            errors["file"] = [$"Expected a <gpx> document, found <{root.Name.LocalName}>."];
            return (points, errors);
        }
        var ns = root.Name.Namespace;
        var t = 0;
        foreach (var trk in root.Elements(ns + "trk"))
        {
            var s = 0;
            foreach (var seg in trk.Elements(ns + "trkseg"))
            {
                var p = 0;
                foreach (var pt in seg.Elements(ns + "trkpt"))
                {
                    var line = ((IXmlLineInfo)pt).LineNumber;
                    var key = $"line {line}: trk[{t}]/trkseg[{s}]/trkpt[{p++}]";
                    var problems = new List<string>();
                    var lat = Number((string?)pt.Attribute("lat"), "lat", problems, required: true);
                    var lon = Number((string?)pt.Attribute("lon"), "lon", problems, required: true);
                    var ele = Number((string?)pt.Element(ns + "ele"), "ele", problems, required: false);
                    var time = Time((string?)pt.Element(ns + "time"), "time", problems);
                    CheckRange(lat, lon, problems);
                    if (problems.Count > 0)
                    {
                        Add(errors, key, problems);
                    }
                    else
                    {
                        points.Add(new Point(line, null, time!.Value, lat!.Value, lon!.Value, null, ele));
                    }
                }
                s++;
            }
            t++;
        }
        if (points.Count == 0 && errors.Count == 0)
        {
            errors["file"] = ["No track points: expected <trk><trkseg><trkpt lat lon><time>."];
        }
        return (points, errors);
    }

    public static (List<Point> Points, Dictionary<string, string[]> Errors) ParseCsv(string text)
    {
        var points = new List<Point>();
        var errors = new Dictionary<string, string[]>();
        using var reader = new StringReader(text.TrimStart('\uFEFF'));
        var header = reader.ReadLine();
        if (string.IsNullOrWhiteSpace(header))
        {
            errors["line 1"] = ["Expected a header: deviceId,time,lat,lon[,speed]."];
            return (points, errors);
        }
        var names = Split(header).Select(n => n.ToLowerInvariant()).ToList();
        int Column(params string[] candidates) => names.FindIndex(candidates.Contains);
        var device = Column("deviceid", "device", "device_id", "subject");
        var time = Column("time", "timestamp");
        var lat = Column("lat", "latitude");
        var lon = Column("lon", "lng", "longitude");
        var speed = Column("speed");
        var missing = new[] { ("time", time), ("lat", lat), ("lon", lon) }.Where(c => c.Item2 < 0).Select(c => c.Item1).ToList();
        if (missing.Count > 0)
        {
            errors["line 1"] = [$"The header lacks {string.Join(", ", missing)}: expected deviceId,time,lat,lon[,speed]."];
            return (points, errors);
        }
        var number = 1;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var cells = Split(line);
            string? Cell(int i) => i >= 0 && i < cells.Count ? cells[i] : null;
            var problems = new List<string>();
            var id = Cell(device);
            if (device >= 0 && string.IsNullOrWhiteSpace(id))
            {
                problems.Add("deviceId: empty.");
            }
            var la = Number(Cell(lat), "lat", problems, required: true);
            var lo = Number(Cell(lon), "lon", problems, required: true);
            var sp = Number(Cell(speed), "speed", problems, required: false);
            var at = Time(Cell(time), "time", problems);
            CheckRange(la, lo, problems);
            if (problems.Count > 0)
            {
                Add(errors, $"line {number}", problems);
            }
            else
            {
                points.Add(new Point(number, string.IsNullOrWhiteSpace(id) ? null : id, at!.Value, la!.Value, lo!.Value, sp is < 0 ? null : sp, null));
            }
        }
        if (points.Count == 0 && errors.Count == 0)
        {
            errors["file"] = ["No rows after the header."];
        }
        return (points, errors);
    }

    private static List<string> Split(string line) => line.Split(',').Select(c => c.Trim().Trim('"').Trim()).ToList();

    private static void Add(Dictionary<string, string[]> errors, string key, List<string> problems)
    {
        if (errors.Count < MaxErrors)
        {
            errors[key] = [.. problems];
        }
        else
        {
            errors["more"] = ["More lines are wrong; the first 50 are listed."];
        }
    }

    private static double? Number(string? text, string name, List<string> problems, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                problems.Add($"{name}: required.");
            }
            return null;
        }
        if (FiniteNumber.TryParse(text, out var value))
        {
            return value;
        }
        problems.Add($"{name}: {FiniteNumber.NotANumber(text)}");
        return null;
    }

    private static DateTime? Time(string? text, string name, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add($"{name}: required (ISO 8601, UTC).");
            return null;
        }
        var errors = new Dictionary<string, string[]>();
        var time = OsmAndProtocol.Time(errors, name, text, DateTime.UnixEpoch);
        if (errors.Count > 0)
        {
            problems.Add($"{name}: '{Cut(text)}' is not a time (ISO 8601 or unix seconds).");
            return null;
        }
        return time;
    }

    private static void CheckRange(double? lat, double? lon, List<string> problems)
    {
        if (lat is { } la && !Geo.IsLatitude(la))
        {
            problems.Add("lat: out of range -90..90.");
        }
        if (lon is { } lo && !Geo.IsLongitude(lo))
        {
            problems.Add("lon: out of range -180..180.");
        }
    }

    private static string Cut(string text) => text.Length > 40 ? text[..40] + "…" : text;

    /// <summary>The outcome of <see cref="ImportAsync"/>: stored, or refused with the problems (nothing stored).</summary>
    internal sealed record Outcome(ImportResult? Result, Dictionary<string, string[]>? Errors, string? UnknownDevices);

    /// <summary>
    /// Checks the file whole, finds its devices among <paramref name="devices"/> (what the caller may read; the command line
    /// reads all), then stores the points in event-time order through the same path as live positions.
    /// </summary>
    public static async Task<Outcome> ImportAsync(string text, Format format, string? deviceId, IQueryable<Device> devices, JsmsDbContext db,
        IngestWriter writer, TrackingCounters counters, DateTime now, TrackingOptions options, CancellationToken cancellationToken)
    {
        var (points, errors) = Parse(format, text);
        if (errors.Count == 0 && string.IsNullOrWhiteSpace(deviceId) && points.Any(p => p.DeviceId is null))
        {
            errors["device"] = [format == Format.Gpx
                ? "A GPX track needs the device it belongs to (device=UNIQUE_ID)."
                : "Give the device (device=UNIQUE_ID) or a deviceId column."];
        }
        foreach (var p in points.Where(p => CursorOnTarget.FutureProblem(p.Time, now, options) is not null).Take(MaxErrors))
        {
            errors[$"line {p.Line}"] = [$"time: {CursorOnTarget.FutureProblem(p.Time, now, options)}"];
        }
        if (errors.Count > 0)
        {
            counters.AddMalformed(1);
            return new Outcome(null, errors, null);
        }
        var ids = points.Select(p => string.IsNullOrWhiteSpace(deviceId) ? p.DeviceId! : deviceId.Trim()).Distinct().ToList();
        var known = await devices.AsNoTracking().Where(d => ids.Contains(d.UniqueId)).ToDictionaryAsync(d => d.UniqueId, cancellationToken);
        var unknown = ids.Where(i => !known.ContainsKey(i)).ToList();
        if (unknown.Count > 0)
        {
            counters.AddUnknownDevices(points.Count);
            return new Outcome(null, null, string.Join(", ", unknown.Select(u => $"'{u}'")));
        }
        var fixes = points.OrderBy(p => p.Time).ThenBy(p => p.Line)
            .Select(p =>
            {
                var device = known[string.IsNullOrWhiteSpace(deviceId) ? p.DeviceId! : deviceId.Trim()];
                return (Device: device, Fix: new Fix(device.UniqueId, p.Time, p.Latitude, p.Longitude, p.Speed, null, p.Altitude, null));
            })
            .ToList();
        var alerts = 0;
        // In time order, in slices, through the live path: one save and one engine pass per slice.
        foreach (var slice in fixes.Chunk(5000))
        {
            alerts += await writer.StorePositionsAsync(slice.Select(x => new PositionToStore(x.Device, x.Fix)).ToList(), now, cancellationToken);
        }
        return new Outcome(new ImportResult(fixes.Count, ids, fixes[0].Fix.Time, fixes[^1].Fix.Time, alerts), null, null);
    }

    /// <summary>
    /// <c>POST /api/tracking/import?device=UNIQUE_ID</c>: the GPX or CSV file as the body (a writing role, checked before the
    /// body is read). 400 naming the lines at fault, 403 for a device unknown or not visible, 413 over the size limit.
    /// </summary>
    public static async Task<Results<Ok<ImportResult>, ValidationProblem, ProblemHttpResult>> Post(HttpContext context, string? device, Caller caller,
        JsmsDbContext db, IngestWriter writer, TrackingCounters counters, TimeProvider clock, IOptions<TrackingOptions> options,
        IOptions<TrackingProtocolOptions> protocol, CancellationToken cancellationToken)
    {
        var (text, tooLarge) = await CursorOnTarget.ReadLimitedAsync(context, protocol.Value.MaxImportBytes, cancellationToken);
        if (tooLarge)
        {
            return TypedResults.Problem($"The file is larger than {protocol.Value.MaxImportBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large");
        }
        var format = Detect(context.Request.ContentType, text);
        var outcome = await ImportAsync(text, format, device, db.Readable<Device>(caller), db, writer, counters, clock.GetUtcNow().UtcDateTime,
            options.Value, cancellationToken);
        if (outcome.Errors is not null)
        {
            return TypedResults.ValidationProblem(outcome.Errors, title: $"The {format.ToString().ToUpperInvariant()} file was refused; nothing was stored");
        }
        if (outcome.UnknownDevices is not null)
        {
            return TypedResults.Problem($"No device is registered (or visible to you) with unique id {outcome.UnknownDevices}; nothing was stored.",
                statusCode: StatusCodes.Status403Forbidden, title: "Unknown device");
        }
        return TypedResults.Ok(outcome.Result!);
    }
}
