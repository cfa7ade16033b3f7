using System.Globalization;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Jsms.Features.Tracking;

/// <summary>
/// A person enters a position by hand (a vehicle reported by radio, a tracker read off its screen): one of the devices
/// they may read, a time, and the place clicked on the base map or typed. Stored through <c>POST /api/tracking/positions</c>'s
/// own handler, so it is checked, stored and run through the engine exactly as a tracker's fix.
/// </summary>
internal sealed class NewPositionModel(JsmsDbContext db, DeviceDirectory directory, IngestWriter writer, TrackingCounters counters, TimeProvider clock,
    IOptions<TrackingOptions> options, IStringLocalizer<SharedResource> text) : JsmsPage
{
    internal sealed record DeviceChoice(string UniqueId, string Name);

    [BindProperty] public string? Device { get; set; }
    /// <summary>UTC, from a datetime-local input.</summary>
    [BindProperty] public DateTime? Time { get; set; }
    [BindProperty] public double? Latitude { get; set; }
    [BindProperty] public double? Longitude { get; set; }
    /// <summary>Kilometres per hour, as people read it; the API takes metres per second.</summary>
    [BindProperty] public double? SpeedKmh { get; set; }

    public List<DeviceChoice> Devices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        Time ??= Minute(clock.GetUtcNow().UtcDateTime);
        Device ??= Request.Query["device"].FirstOrDefault();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await RefuseUnlessWriterAsync() is { } refusal)
        {
            return refusal;
        }
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, key) in new[] { (nameof(Time), "time"), (nameof(Latitude), "latitude"), (nameof(Longitude), "longitude"), (nameof(SpeedKmh), "speed") })
        {
            if (ModelState.TryGetValue(field, out var state) && state.Errors.Count > 0)
            {
                errors[key] = [.. state.Errors.Select(e => e.ErrorMessage)];
            }
        }
        if (SpeedKmh is < 0)
        {
            errors["speed"] = [text["Tracking.Entry.NegativeSpeed"].Value];
        }
        if (errors.Count == 0)
        {
            var input = new PositionInput
            {
                DeviceId = Device, Time = Time, Latitude = Latitude, Longitude = Longitude, Speed = SpeedKmh / 3.6,
            };
            var result = await IngestEndpoints.Positions([input], Me, db, directory, writer, counters, clock, options, HttpContext.RequestAborted);
            var answer = IngestAnswer.Of(result.Result);
            if (answer.Result is { } stored)
            {
                Notice = text["Tracking.Entry.PositionStored", Device?.Trim() ?? "", stored.AlertsRaised].Value;
                return RedirectToPage(new { device = Device?.Trim() });
            }
            errors = answer.Errors!;
        }
        await LoadAsync();
        return Failed("position", errors);
    }

    public string TimeText => Time?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) ?? "";

    public static string Number(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private async Task LoadAsync()
        => Devices = await db.Readable<Device>(Me).AsNoTracking().OrderBy(d => d.UniqueId)
            .Select(d => new DeviceChoice(d.UniqueId, d.Name)).ToListAsync();

    private static DateTime Minute(DateTime t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, DateTimeKind.Utc);
}
