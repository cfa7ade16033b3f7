using System.Net;
using System.Text.RegularExpressions;
using Jsms.Features.Incidents;
using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Incidents;

/// <summary>/Incidents/Report: the monthly security report over a hand-counted set, as the owner and as a partner that reads part of it.</summary>
public sealed partial class IncidentReportPageTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly HashSet<JsmsTestApp> Seeded = [];

    private static Dictionary<string, object?> Incident(string day, string admin1, int attackType, string victims, int killed, int injured, bool releasedToChina) => new()
    {
        ["title"] = $"Report test {admin1} {day}",
        ["summary"] = "Counted by hand for the report test.",
        ["occurredOn"] = day,
        ["datePrecision"] = "Day",
        ["latitude"] = 27.7,
        ["longitude"] = 85.3,
        ["country"] = "NP",
        ["admin1"] = admin1,
        ["attackTypes"] = new[] { attackType },
        ["casualties"] = new object[] { new { victimClass = victims, killedBest = killed, injuredBest = injured } },
        ["marking"] = releasedToChina ? new { tlp = "AMBER", releaseTo = new[] { "CN-MPS" } } : new { tlp = "AMBER", releaseTo = Array.Empty<string>() },
    };

    /// <summary>
    /// Nepal, May 2016: Bagmati bombing (civilians 4 killed, 6 injured; released to China), Gandaki armed assault (security
    /// forces 2 killed, 1 injured; released), Bagmati bombing (civilians 10 killed, 20 injured; Pakistan's only). April 2016:
    /// Bagmati bombing (civilians 3 killed; released).
    /// </summary>
    private async Task SeedAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (!Seeded.Add(app))
            {
                return;
            }
            using var pakistan = await app.LoginAs("pk.analyst");
            foreach (var body in new[]
            {
                Incident("2016-05-03", "Bagmati", 3, "Civilians", 4, 6, true),
                Incident("2016-05-17", "Gandaki", 2, "SecurityForces", 2, 1, true),
                Incident("2016-05-28", "Bagmati", 3, "Civilians", 10, 20, false),
                Incident("2016-04-11", "Bagmati", 3, "Civilians", 3, 0, true),
            })
            {
                await (await pakistan.Post("/api/incidents", body)).Read<IncidentDetailDto>(HttpStatusCode.Created);
            }
        }
        finally
        {
            Once.Release();
        }
    }

    private static string Compact(string html) => System.Net.WebUtility.HtmlDecode(Spaces().Replace(html, "><"));

    /// <summary>The numbers of a table row: its cells after the heading cell.</summary>
    private static string[] Cells(string html, string table, string key)
    {
        var tableHtml = Regex.Match(html, $"data-testid=\"{table}\".*?</table>", RegexOptions.Singleline).Value;
        var row = Regex.Match(tableHtml, $"<tr data-key=\"{Regex.Escape(key)}\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, $"no row {key} in {table}");
        return [.. Regex.Matches(row.Groups[1].Value, "<td[^>]*>(.*?)</td>").Select(m => m.Groups[1].Value)];
    }

    [Fact]
    public async Task The_report_counts_the_month_by_region_tactic_and_victim_class_and_a_partner_sees_only_what_was_released_to_it()
    {
        await SeedAsync();
        using var pakistan = await app.SignInWebAsync("pk.analyst");
        var owner = Compact(await pakistan.Client.GetStringAsync("/Incidents/Report?month=2016-05&country=NP"));
        Assert.Contains("Security report: May 2016", owner, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"headline-attacks\"><span class=\"value\">3</span> attacks <span class=\"change\">+200 %</span>", owner, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"headline-killed\"><span class=\"value\">16</span> killed <span class=\"change\">+433.3 %</span>", owner, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"headline-injured\"><span class=\"value\">27</span> injured <span class=\"change\">–</span>", owner, StringComparison.Ordinal);
        Assert.Equal(["2", "14", "26", "+366.7 %"], Cells(owner, "report-by-region", "Bagmati"));
        Assert.Equal(["1", "2", "1", "–"], Cells(owner, "report-by-region", "Gandaki"));
        Assert.Equal(["2", "14", "26", "+366.7 %"], Cells(owner, "report-by-tactic", "Bombing/Explosion"));
        Assert.Equal(["14", "26", "+366.7 %"], Cells(owner, "report-by-victim", "Civilians"));
        Assert.Contains("Where (3 incidents with a place)", owner, StringComparison.Ordinal);
        Assert.Contains("id=\"incident-trend\" data-trend=", owner, StringComparison.Ordinal);
        Assert.Contains("/js/incidents-report.js", owner, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", owner, StringComparison.Ordinal);

        using var china = await app.SignInWebAsync("cn.liaison");
        var partner = Compact(await china.Client.GetStringAsync("/Incidents/Report?month=2016-05&country=NP"));
        Assert.Contains("data-testid=\"headline-attacks\"><span class=\"value\">2</span> attacks <span class=\"change\">+100 %</span>", partner, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"headline-killed\"><span class=\"value\">6</span> killed <span class=\"change\">+100 %</span>", partner, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"headline-injured\"><span class=\"value\">7</span> injured", partner, StringComparison.Ordinal);
        Assert.Equal(["1", "4", "6", "+33.3 %"], Cells(partner, "report-by-region", "Bagmati"));
        Assert.Equal(["2", "1", "–"], Cells(partner, "report-by-victim", "SecurityForces"));
        Assert.Contains("Where (2 incidents with a place)", partner, StringComparison.Ordinal);
        Assert.DoesNotContain("20", Cells(partner, "report-by-victim", "Civilians"));

        using var russia = await app.SignInWebAsync("ru.analyst");
        var none = Compact(await russia.Client.GetStringAsync("/Incidents/Report?month=2016-05&country=NP"));
        Assert.Contains("data-testid=\"headline-attacks\"><span class=\"value\">0</span>", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_month_or_country_answers_400_naming_the_field()
    {
        using var pakistan = await app.SignInWebAsync("pk.analyst");
        var month = await pakistan.Client.GetAsync("/Incidents/Report?month=2016-13");
        Assert.Equal(HttpStatusCode.BadRequest, month.StatusCode);
        Assert.Contains("A month (yyyy-MM)", await month.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var country = await pakistan.Client.GetAsync("/Incidents/Report?month=2016-05&country=Nepal");
        Assert.Equal(HttpStatusCode.BadRequest, country.StatusCode);
        Assert.Contains("ISO 3166-1", await country.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@">\s+<")]
    private static partial Regex Spaces();
}
