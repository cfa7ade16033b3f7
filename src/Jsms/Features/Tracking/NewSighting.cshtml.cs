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
/// A person enters a sighting: a subject (plate, track id) seen at one of the sensors they may read, picked from the list
/// or on the map, at a time. Stored through <c>POST /api/tracking/sightings</c>'s own handler, so it is checked, stored
/// and run through the engine exactly as a sensor's report.
/// </summary>
internal sealed class NewSightingModel(JsmsDbContext db, IngestWriter writer, TrackingCounters counters, TimeProvider clock,
    IOptions<TrackingOptions> options, IStringLocalizer<SharedResource> text) : JsmsPage
{
    internal sealed record SensorChoice(string Code, string Name, double Latitude, double Longitude);

    [BindProperty] public string? Sensor { get; set; }
    [BindProperty] public string? Subject { get; set; }
    /// <summary>UTC, from a datetime-local input.</summary>
    [BindProperty] public DateTime? Time { get; set; }

    public List<SensorChoice> Sensors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        Time ??= Minute(clock.GetUtcNow().UtcDateTime);
        Sensor ??= Request.Query["sensor"].FirstOrDefault();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await RefuseUnlessWriterAsync() is { } refusal)
        {
            return refusal;
        }
        var errors = ModelState.TryGetValue(nameof(Time), out var state) && state.Errors.Count > 0
            ? new Dictionary<string, string[]> { ["time"] = [text["Tracking.Entry.BadTime"].Value] }
            : null;
        if (errors is null)
        {
            var result = await IngestEndpoints.Sightings([new SightingInput(Sensor, Subject, Time)], Me, db, writer, counters, clock, options,
                HttpContext.RequestAborted);
            var answer = IngestAnswer.Of(result.Result);
            if (answer.Result is { } stored)
            {
                Notice = text["Tracking.Entry.SightingStored", Subject?.Trim() ?? "", Sensor?.Trim() ?? "", stored.AlertsRaised].Value;
                return RedirectToPage(new { sensor = Sensor?.Trim() });
            }
            errors = answer.Errors;
        }
        await LoadAsync();
        return Failed("sighting", errors!);
    }

    public string TimeText => Time?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) ?? "";

    private async Task LoadAsync()
        => Sensors = await db.Readable<Sensor>(Me).AsNoTracking().OrderBy(s => s.Code)
            .Select(s => new SensorChoice(s.Code, s.Name, s.Latitude, s.Longitude)).ToListAsync();

    private static DateTime Minute(DateTime t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, DateTimeKind.Utc);
}
