using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Jsms.Features.Tracking;

/// <summary>
/// Upload of a GPX or CSV track, for writers, in two steps: the file is checked whole and its points previewed (table and
/// map), or refused naming each line at fault; on confirmation it is stored through <see cref="TrackImport.ImportAsync"/>,
/// the path of <c>POST /api/tracking/import</c>. Between the steps the upload waits in a temporary file named after the
/// writer, so a confirmation can only take the writer's own upload.
/// </summary>
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
internal sealed partial class ImportTrackModel(JsmsDbContext db, IngestWriter writer, TrackingCounters counters, TimeProvider clock,
    IOptions<TrackingOptions> options, IOptions<TrackingProtocolOptions> protocol, IStringLocalizer<SharedResource> text) : JsmsPage
{
    /// <summary>The largest form the page accepts; <c>Jsms:Tracking:MaxImportBytes</c> may set a lower limit for the file.</summary>
    public const long MaxUploadBytes = 20 * 1024 * 1024 + 64 * 1024;

    public const int PreviewRows = 10;

    /// <summary>At most this many points are drawn on the preview map (evenly spaced, first and last kept).</summary>
    public const int MapPoints = 2000;

    [BindProperty] public IFormFile? TrackFile { get; set; }
    [BindProperty] public string? Device { get; set; }
    [BindProperty] public string? Upload { get; set; }
    [BindProperty] public string? Format { get; set; }

    public string? FileName { get; private set; }
    public List<TrackImport.Point>? Points { get; private set; }
    public List<string> Devices { get; private set; } = [];
    public ImportResult? Stored { get; private set; }

    private static string Pending => Path.Combine(Path.GetTempPath(), "jsms-track-imports");

    private string PendingPath(string upload) => Path.Combine(Pending, $"{Me.UserId:N}-{upload}.txt");

    public async Task<IActionResult> OnGetAsync()
    {
        if (await RefuseUnlessWriterAsync() is { } refused)
        {
            return refused;
        }
        await LoadDevicesAsync();
        return Page();
    }

    /// <summary>Step 1: check the file whole, keep it aside and show its points; or name every line at fault.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (await RefuseUnlessWriterAsync() is { } refused)
        {
            return refused;
        }
        await LoadDevicesAsync();
        if (TrackFile is null || TrackFile.Length == 0)
        {
            return Failed("import", new() { ["trackFile"] = [text["Tracking.Import.ChooseFile"].Value] });
        }
        if (TrackFile.Length > protocol.Value.MaxImportBytes)
        {
            return Failed("import", new() { ["trackFile"] = [$"The file is larger than {protocol.Value.MaxImportBytes} bytes."] });
        }
        FileName = Path.GetFileName(TrackFile.FileName);
        string content;
        using (var reader = new StreamReader(TrackFile.OpenReadStream(), Encoding.UTF8))
        {
            content = await reader.ReadToEndAsync(cancellationToken);
        }
        var format = FileName.EndsWith(".gpx", StringComparison.OrdinalIgnoreCase) ? TrackImport.Format.Gpx
            : FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? TrackImport.Format.Csv
            : TrackImport.Detect(TrackFile.ContentType, content);
        var (points, errors) = TrackImport.Parse(format, content);
        if (errors.Count == 0 && string.IsNullOrWhiteSpace(Device) && points.Any(p => p.DeviceId is null))
        {
            errors["device"] = [format == TrackImport.Format.Gpx ? text["Tracking.Import.GpxNeedsDevice"].Value : text["Tracking.Import.CsvNeedsDevice"].Value];
        }
        if (errors.Count > 0)
        {
            return Failed("import", errors);
        }
        Directory.CreateDirectory(Pending);
        Upload = Guid.NewGuid().ToString("N");
        Format = format.ToString();
        await System.IO.File.WriteAllTextAsync(PendingPath(Upload), content, cancellationToken);
        Points = points;
        return Page();
    }

    /// <summary>Step 2: store the upload kept at step 1 and run it through the engine; or show every problem (nothing stored).</summary>
    public async Task<IActionResult> OnPostStoreAsync(CancellationToken cancellationToken)
    {
        if (await RefuseUnlessWriterAsync() is { } refused)
        {
            return refused;
        }
        await LoadDevicesAsync();
        if (Upload is null || !UploadId().IsMatch(Upload) || !System.IO.File.Exists(PendingPath(Upload))
            || !Enum.TryParse<TrackImport.Format>(Format, out var format))
        {
            return Failed("import", new() { ["upload"] = [text["Tracking.Import.Gone"].Value] });
        }
        var path = PendingPath(Upload);
        var content = await System.IO.File.ReadAllTextAsync(path, cancellationToken);
        var outcome = await TrackImport.ImportAsync(content, format, Device, db.Readable<Device>(Me), db, writer, counters,
            clock.GetUtcNow().UtcDateTime, options.Value, cancellationToken);
        if (outcome.Errors is not null || outcome.UnknownDevices is not null)
        {
            Points = TrackImport.Parse(format, content).Points;
            return Failed("import", outcome.Errors ?? new()
            {
                ["device"] = [$"No device is registered (or visible to you) with unique id {outcome.UnknownDevices}; nothing was stored."],
            });
        }
        System.IO.File.Delete(path);
        Stored = outcome.Result;
        Upload = null;
        return Page();
    }

    /// <summary>The points for the preview map as [lat, lon] pairs in time order, thinned to <see cref="MapPoints"/>.</summary>
    public string MapJson()
    {
        var ordered = (Points ?? []).OrderBy(p => p.Time).ThenBy(p => p.Line).ToList();
        var step = Math.Max(1, (int)Math.Ceiling(ordered.Count / (double)MapPoints));
        var shown = ordered.Where((_, i) => i % step == 0 || i == ordered.Count - 1)
            .Select(p => $"[{p.Latitude.ToString(CultureInfo.InvariantCulture)},{p.Longitude.ToString(CultureInfo.InvariantCulture)}]");
        return "[" + string.Join(",", shown) + "]";
    }

    private async Task LoadDevicesAsync()
        => Devices = await db.Readable<Device>(Me).AsNoTracking().OrderBy(d => d.UniqueId).Select(d => d.UniqueId).ToListAsync();

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex UploadId();
}
