using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Jsms.Features.Incidents;
using Jsms.Tests.Infrastructure;
using Jsms.Tests.Intelligence;

namespace Jsms.Tests.Incidents;

/// <summary>
/// Statistics, exports and the map over a hand-counted set of Nigerian incidents in 2022, owned by PK-NACTA: four GREEN
/// (read by its partnership's members, CN-MPS among them) and two AMBER not released (read by PK-NACTA alone).
/// </summary>
public sealed class IncidentStatisticsTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    private const string Header = "eventid,iyear,imonth,iday,country_txt,provstate,city,latitude,longitude,specificity,attacktype1,targtype1,gname,nkill,nkillter,nwound,nwoundte,success,suicide";

    // Green: Jan 2 attacks (5 killed, 1 injured); Feb 2 attacks (Borno 4 killed and 2 injured, 1 of the killed a perpetrator; Yobe 6 and 2).
    private const string Green = Header + "\r\n"
        + "NG1,2022,1,5,Nigeria,Borno,Maiduguri,11.83,13.15,1,3,3,Boko Haram,3,0,1,0,1,0\r\n"
        + "NG2,2022,1,20,Nigeria,Borno,Konduga,11.65,13.42,1,2,14,Boko Haram,2,0,0,0,1,0\r\n"
        + "NG3,2022,2,2,Nigeria,Borno,Bama,11.52,13.69,1,3,4,ISWAP,4,1,2,0,1,1\r\n"
        + "NG4,2022,2,14,Nigeria,Yobe,Damaturu,11.75,11.96,1,2,14,ISWAP,6,0,2,0,1,0\r\n";

    // Amber, PK-NACTA alone: Feb 1 attack in Yobe (10 killed, 5 injured), Mar 1 in Borno (1 killed).
    private const string Amber = Header + "\r\n"
        + "NG5,2022,2,20,Nigeria,Yobe,Potiskum,11.71,11.08,1,3,14,Boko Haram,10,0,5,0,1,0\r\n"
        + "NG6,2022,3,3,Nigeria,Borno,Dikwa,12.03,13.92,1,1,2,ISWAP,1,0,0,0,1,0\r\n";

    private static readonly SemaphoreSlim Seeded = new(1, 1);
    private static readonly HashSet<JsmsTestApp> Done = [];

    private async Task SeedAsync()
    {
        await Seeded.WaitAsync();
        try
        {
            if (Done.Add(app))
            {
                var analyst = await app.LoginAs("pk.analyst");
                (await analyst.ImportTextAsync("gtd", Green, query: "&tlp=GREEN")).EnsureSuccessStatusCode();
                (await analyst.ImportTextAsync("gtd", Amber, query: "&tlp=AMBER")).EnsureSuccessStatusCode();
            }
        }
        finally
        {
            Seeded.Release();
        }
    }

    private async Task<StatisticsDto> StatisticsAsync(string user, string query)
    {
        await SeedAsync();
        return await (await app.LoginAs(user)).GetAs<StatisticsDto>("/api/incidents/statistics?country=NG&" + query);
    }

    [Fact]
    public async Task Monthly_figures_count_every_readable_incident_with_the_change_against_the_month_before()
    {
        var stats = await StatisticsAsync("pk.analyst", "from=2022-01-01&to=2022-03-31&by=month");

        Assert.Equal(["2022-01", "2022-02", "2022-03"], stats.Rows.Select(r => r.Period));
        Assert.Equal((2, 5, 1), (stats.Rows[0].Attacks, stats.Rows[0].Killed, stats.Rows[0].Injured));
        Assert.Equal((3, 20, 9), (stats.Rows[1].Attacks, stats.Rows[1].Killed, stats.Rows[1].Injured));
        Assert.Equal((50.0, 300.0, 800.0), (stats.Rows[1].AttacksChangePercent, stats.Rows[1].KilledChangePercent, stats.Rows[1].InjuredChangePercent));
        Assert.Equal((1, 1, 0), (stats.Rows[2].Attacks, stats.Rows[2].Killed, stats.Rows[2].Injured));
        Assert.Equal((-66.7, -95.0, -100.0), (stats.Rows[2].AttacksChangePercent, stats.Rows[2].KilledChangePercent, stats.Rows[2].InjuredChangePercent));
        Assert.Null(stats.Rows[0].KilledChangePercent);
        Assert.Equal((6, 26, 10), (stats.Total.Attacks, stats.Total.Killed, stats.Total.Injured));
    }

    [Fact]
    public async Task A_partner_that_reads_only_the_green_incidents_gets_figures_without_the_others()
    {
        var stats = await StatisticsAsync("cn.liaison", "from=2022-01-01&to=2022-03-31&by=month");

        Assert.Equal((2, 5, 1), (stats.Rows[0].Attacks, stats.Rows[0].Killed, stats.Rows[0].Injured));
        Assert.Equal((2, 10, 4), (stats.Rows[1].Attacks, stats.Rows[1].Killed, stats.Rows[1].Injured));
        Assert.Equal(100.0, stats.Rows[1].KilledChangePercent);
        Assert.Equal((0, 0, 0), (stats.Rows[2].Attacks, stats.Rows[2].Killed, stats.Rows[2].Injured));
        Assert.Equal(-100.0, stats.Rows[2].AttacksChangePercent);

        var regions = await StatisticsAsync("cn.liaison", "from=2022-02-01&to=2022-02-28&by=region");
        Assert.Equal([("Borno", 1, 4), ("Yobe", 1, 6)], regions.Rows.Select(r => (r.Key, r.Attacks, r.Killed)).OrderBy(r => r.Key));
    }

    [Fact]
    public async Task Figures_split_by_region_by_attack_type_and_by_victim_class()
    {
        var regions = await StatisticsAsync("pk.analyst", "from=2022-02-01&to=2022-02-28&by=region");
        Assert.Equal([("Borno", 1, 4, 2), ("Yobe", 2, 16, 7)], regions.Rows.Select(r => (r.Key, r.Attacks, r.Killed, r.Injured)).OrderBy(r => r.Key));

        var tactics = await StatisticsAsync("pk.analyst", "from=2022-01-01&to=2022-03-31&by=attackType");
        Assert.Equal([("Armed Assault", 2, 8), ("Assassination", 1, 1), ("Bombing/Explosion", 3, 17)],
            tactics.Rows.Select(r => (r.Key, r.Attacks, r.Killed)).OrderBy(r => r.Key));

        var victims = await StatisticsAsync("pk.analyst", "from=2022-02-01&to=2022-02-28&by=victimClass");
        Assert.Equal([("Perpetrators", 1), ("Unknown", 19)], victims.Rows.Select(r => (r.Key, r.Killed)).OrderBy(r => r.Key));

        var byMonthAndRegion = await StatisticsAsync("pk.analyst", "from=2022-01-01&to=2022-03-31&by=month&by2=region");
        var bornoMarch = byMonthAndRegion.Rows.Single(r => r.Period == "2022-03" && r.Key == "Borno");
        Assert.Equal((1, 1, -75.0), (bornoMarch.Attacks, bornoMarch.Killed, bornoMarch.KilledChangePercent));
    }

    [Fact]
    public async Task Bad_parameters_are_named()
    {
        var client = await app.LoginAs("pk.analyst");
        var errors = await (await client.GetAsync("/api/incidents/statistics?by=decade&from=2022-02-01&to=2022-01-01&country=Nigeria")).ValidationErrors();
        Assert.Equal(["by", "country", "to"], errors.Keys.Order());
        Assert.Contains("by2", (await (await client.GetAsync("/api/incidents/statistics?by=month&by2=week")).ValidationErrors()).Keys);
    }

    [Fact]
    public async Task The_exports_hold_exactly_the_readable_incidents_and_the_stix_bundle_is_valid()
    {
        await SeedAsync();
        var partner = await app.LoginAs("cn.liaison");
        var csv = await (await partner.GetAsync("/api/incidents/export?format=csv&country=NG")).Content.ReadAsStringAsync();
        Assert.Equal(5, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("Potiskum", csv, StringComparison.Ordinal);

        var analyst = await app.LoginAs("pk.analyst");
        var gtd = await (await analyst.GetAsync("/api/incidents/export?format=gtd&country=NG")).Content.ReadAsStringAsync();
        var parsed = await IncidentImporter.ParseAsync(new MemoryStream(Encoding.UTF8.GetBytes(gtd)), GtdFormat.Instance, new DateOnly(2026, 3, 10));
        Assert.Empty(parsed.Errors);
        Assert.Equal(["NG1", "NG2", "NG3", "NG4", "NG5", "NG6"], parsed.Events.Select(e => e.EventId).Order());

        var geo = JsonNode.Parse(await (await analyst.GetAsync("/api/incidents/export?format=geojson&country=NG")).Content.ReadAsStringAsync())!;
        Assert.Equal(6, geo["features"]!.AsArray().Count);

        var stix = JsonNode.Parse(await (await analyst.GetAsync("/api/incidents/export?format=stix&country=NG")).Content.ReadAsStringAsync())!;
        var objects = stix["objects"]!.AsArray();
        Assert.Equal(6, objects.Count(o => (string?)o!["type"] == "incident"));
        Assert.Equal(2, objects.Count(o => (string?)o!["type"] == "threat-actor"));
        Assert.Equal(6, objects.Count(o => (string?)o!["relationship_type"] == "attributed-to"));
        Assert.Equal(6, objects.Count(o => (string?)o!["relationship_type"] == "located-at"));
        Assert.All(objects.Where(o => (string?)o!["type"] == "incident"), o => Assert.NotNull(o!["extensions"]![IncidentExporter.IncidentCoreExtensionId]));
        var result = await StixValidator.ValidateAsync(objects.Select(o => o!));
        Assert.True(result.Invalid == 0, result.Report);

        var audit = await app.WithDb(db => Task.FromResult(db.Set<Jsms.Platform.Audit.AuditEntry>().Count(e => e.Action == "export" && e.RecordType == "Incident")));
        Assert.True(audit >= 4);
    }

    [Fact]
    public async Task The_map_gives_the_readable_incidents_of_the_period_as_geojson()
    {
        await SeedAsync();
        var partner = await app.LoginAs("cn.liaison");
        var map = JsonNode.Parse(await (await partner.GetAsync("/api/incidents/map?from=2022-01-01&to=2022-12-31")).Content.ReadAsStringAsync())!;
        var titles = map["features"]!.AsArray().Select(f => (string?)f!["properties"]!["title"]).ToList();
        Assert.Equal(4, titles.Count);
        Assert.Equal(HttpStatusCode.BadRequest, (await partner.GetAsync("/api/incidents/map?from=2022-02-01&to=2022-01-01")).StatusCode);
    }
}
