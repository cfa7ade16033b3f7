using System.Globalization;
using System.Text.Json;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Incidents;

/// <summary>
/// The monthly security report, as think tanks publish it: the month's attacks, killed and injured with their change
/// against the previous month, tables by region, tactic and victim class, the last 24 months as a chart and the month's
/// incidents on a map. Every figure comes from <see cref="IncidentStatistics"/> over what the caller may read.
/// </summary>
internal sealed class IncidentsReportModel(IncidentStatistics statistics, JsmsDbContext db, TimeProvider clock) : JsmsPage
{
    public const int TrendMonths = 24;

    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }

    public DateOnly First { get; private set; }

    public DateOnly Last => First.AddMonths(1).AddDays(-1);

    public string? CountryCode { get; private set; }

    public StatisticsRowDto Headline { get; private set; } = new(null, null, null, 0, 0, 0, null, null, null);

    public List<StatisticsRowDto> ByRegion { get; private set; } = [];

    public List<StatisticsRowDto> ByTactic { get; private set; } = [];

    /// <summary>A row's key as a reader sees it: victim classes are enum names ("SecurityForces" reads "Security forces").</summary>
    public static string Label(string? key) => key is null
        ? IncidentStatistics.None
        : System.Text.RegularExpressions.Regex.Replace(key, "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant() is var spaced && spaced.Length > 0
            ? char.ToUpperInvariant(spaced[0]) + spaced[1..]
            : key;

    public List<StatisticsRowDto> ByVictimClass { get; private set; } = [];

    /// <summary>The chart's data for wwwroot/js/incidents-report.js: months, attacks, killed, injured.</summary>
    public string TrendJson { get; private set; } = "{}";

    /// <summary>The month's incidents with a point, for the map: [latitude, longitude, killed, injured, title].</summary>
    public string PointsJson { get; private set; } = "[]";

    public int Points { get; private set; }

    public string MonthLabel => First.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Month))
        {
            First = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        }
        else if (DateOnly.TryParseExact(Month.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            First = first;
        }
        else
        {
            errors["month"] = ["A month (yyyy-MM), e.g. 2025-01."];
        }
        if (!string.IsNullOrWhiteSpace(Country))
        {
            var code = Country.Trim();
            if (code.Length == 2 && code.All(char.IsAsciiLetter))
            {
                CountryCode = code.ToUpperInvariant();
            }
            else
            {
                errors["country"] = ["An ISO 3166-1 alpha-2 code (PK)."];
            }
        }
        if (errors.Count > 0)
        {
            First = new DateOnly(today.Year, today.Month, 1);
            return Failed("report", errors);
        }

        var month = await statistics.ComputeAsync(Me, First, Last, StatisticsDimension.Month, null, CountryCode, cancellationToken);
        Headline = month.Total;
        ByRegion = await InMonthAsync(StatisticsDimension.Region, cancellationToken);
        ByTactic = await InMonthAsync(StatisticsDimension.AttackType, cancellationToken);
        ByVictimClass = await InMonthAsync(StatisticsDimension.VictimClass, cancellationToken);

        var trend = await statistics.ComputeAsync(Me, First.AddMonths(1 - TrendMonths), Last, StatisticsDimension.Month, null, CountryCode, cancellationToken);
        TrendJson = JsonSerializer.Serialize(new
        {
            labels = trend.Rows.Select(r => r.Period),
            attacks = trend.Rows.Select(r => r.Attacks),
            killed = trend.Rows.Select(r => r.Killed),
            injured = trend.Rows.Select(r => r.Injured),
        });

        var points = await IncidentQueries.Filtered(db, Me, new IncidentExportFilter(First, Last, CountryCode, null, null, null))
            .Where(i => i.Latitude != null && i.Longitude != null)
            .Select(i => new { i.Id, i.Title, i.Latitude, i.Longitude, i.KilledBest, i.InjuredBest, i.Tlp })
            .ToListAsync(cancellationToken);
        // Listing a sensitive incident on the map is a read like the API's map (docs/audit-log.md "Reads").
        foreach (var p in points.Where(p => AccessPolicy.IsSensitive(p.Tlp)))
        {
            db.Audit("list", nameof(Incident), p.Id, "incident report");
        }
        if (points.Any(p => AccessPolicy.IsSensitive(p.Tlp)))
        {
            await db.WriteAuditInBulkAsync(cancellationToken);
        }
        Points = points.Count;
        PointsJson = JsonSerializer.Serialize(points.Select(p => new object[] { Math.Round(p.Latitude!.Value, 5), Math.Round(p.Longitude!.Value, 5), p.KilledBest, p.InjuredBest, p.Title }));
        return Page();
    }

    /// <summary>The month's rows by one dimension, with the change against the previous month; groups with nothing this month left out.</summary>
    private async Task<List<StatisticsRowDto>> InMonthAsync(StatisticsDimension by, CancellationToken cancellationToken)
    {
        var result = await statistics.ComputeAsync(Me, First, Last, StatisticsDimension.Month, by, CountryCode, cancellationToken);
        return [.. result.Rows.Where(r => r.Attacks > 0 || r.Killed > 0 || r.Injured > 0)
            .OrderByDescending(r => r.Killed + r.Injured).ThenByDescending(r => r.Attacks).ThenBy(r => r.Key, StringComparer.Ordinal)];
    }

    public static string Change(double? percent) => percent is { } p
        ? (p > 0 ? "+" : p < 0 ? "−" : "±") + Math.Abs(p).ToString("0.#", CultureInfo.InvariantCulture) + " %"
        : "–";

    public string MonthLink(int offset)
    {
        var link = "/Incidents/Report?month=" + First.AddMonths(offset).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return CountryCode is null ? link : link + "&country=" + CountryCode;
    }
}
