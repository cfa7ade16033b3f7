using System.CommandLine;
using Jsms.Platform.Cli;
using Jsms.Platform.Database;
using Microsoft.Extensions.Options;

namespace Jsms.Features.Tracking;

/// <summary>Tracking's commands: <c>tracking import</c>.</summary>
internal static class TrackingCommands
{
    public static RootCommand AddTrackingCommands(this RootCommand root)
    {
        root.Subcommands.Add(Tracking());
        return root;
    }

    /// <summary>
    /// <c>tracking import FILE [--device ID]</c>: a GPX or CSV track stored as the device's positions and replayed through
    /// a detection engine of this process in event-time order (the alerts are stored like live ones). Exit 2 when refused.
    /// </summary>
    private static Command Tracking()
    {
        var tracking = new Command("tracking", "Tracking: import recorded tracks.");
        var file = new Argument<FileInfo>("FILE") { Description = "A GPX 1.1 file, or CSV with a header deviceId,time,lat,lon[,speed]." };
        var device = new Option<string?>("--device") { Description = "The unique id of the device the track belongs to (GPX: required)." };
        var import = new Command("import", "Import and replay a GPX or CSV track.") { file, device };
        import.TreatUnmatchedTokensAsErrors = false;
        import.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(file)!;
            var limit = 0L;
            await using var host = await CommandHost.PreparedAsync(result, cancellationToken);
            if (host is null)
            {
                return 1;
            }
            limit = host.Services.GetRequiredService<IOptions<TrackingProtocolOptions>>().Value.MaxImportBytes;
            string text;
            try
            {
                if (path.Length > limit)
                {
                    await Console.Error.WriteLineAsync($"Refused: the file is larger than {limit} bytes (Jsms:Tracking:MaxImportBytes).");
                    return 2;
                }
                text = await File.ReadAllTextAsync(path.FullName, cancellationToken);
            }
            catch (IOException e)
            {
                await Console.Error.WriteLineAsync($"Cannot read the file: {e.Message}");
                return 2;
            }
            var format = path.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase) ? TrackImport.Format.Csv
                : path.Extension.Equals(".gpx", StringComparison.OrdinalIgnoreCase) ? TrackImport.Format.Gpx
                : TrackImport.Detect(null, text);
            var db = host.Services.GetRequiredService<JsmsDbContext>();
            var outcome = await TrackImport.ImportAsync(text, format, result.GetValue(device), db.Set<Device>(), db,
                host.Services.GetRequiredService<IngestWriter>(), host.Services.GetRequiredService<TrackingCounters>(),
                host.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
                host.Services.GetRequiredService<IOptions<TrackingOptions>>().Value, cancellationToken);
            if (outcome.Errors is not null)
            {
                await Console.Error.WriteLineAsync("Refused; nothing was stored:");
                foreach (var (key, messages) in outcome.Errors)
                {
                    await Console.Error.WriteLineAsync($"  {key}: {string.Join(" ", messages)}");
                }
                return 2;
            }
            if (outcome.UnknownDevices is not null)
            {
                await Console.Error.WriteLineAsync($"Refused: no device is registered with unique id {outcome.UnknownDevices}; nothing was stored.");
                return 2;
            }
            var r = outcome.Result!;
            Console.WriteLine($"Imported {r.Accepted} positions of {string.Join(", ", r.Devices)} from {r.From:u} to {r.To:u}; {r.AlertsRaised} alert(s) raised.");
            return 0;
        });
        tracking.Subcommands.Add(import);
        return tracking;
    }
}
