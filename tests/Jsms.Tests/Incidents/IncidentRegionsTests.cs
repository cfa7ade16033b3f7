using System.Net;
using System.Text.Json.Nodes;
using Jsms.Tests.Infrastructure;
using Jsms.Tests.Intelligence;

namespace Jsms.Tests.Incidents;

/// <summary>
/// The heat view by first-level administrative area over a hand-counted set of 2022 incidents owned by PK-NACTA: five
/// GREEN (read by its partners, CN-MPS among them) and two AMBER not released (read by PK-NACTA alone). Areas are found by
/// the admin1 name in the country (case and former names aside), or by the point when the incident names none.
/// </summary>
public sealed class IncidentRegionsTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    private const string Header = "eventid,iyear,imonth,iday,country_txt,provstate,city,latitude,longitude,specificity,attacktype1,targtype1,gname,nkill,nkillter,nwound,nwoundte,success,suicide";

    // Green: Borno 3 attacks (9 killed, 3 injured; one spelled in capitals), Yobe 1 (6, 2), Kano by its point alone (2, 3),
    // one in a province no area is named after (1, 0); Khyber Pakhtunkhwa, the former North-West Frontier Province (5, 7).
    private const string Green = Header + "\r\n"
        + "RG1,2022,1,5,Nigeria,Borno,Maiduguri,11.83,13.15,1,3,3,Boko Haram,3,0,1,0,1,0\r\n"
        + "RG2,2022,1,20,Nigeria,Borno,Konduga,11.65,13.42,1,2,14,Boko Haram,2,0,0,0,1,0\r\n"
        + "RG3,2022,2,2,Nigeria,BORNO,Bama,11.52,13.69,1,3,4,ISWAP,4,0,2,0,1,1\r\n"
        + "RG4,2022,2,14,Nigeria,Yobe,Damaturu,11.75,11.96,1,2,14,ISWAP,6,0,2,0,1,0\r\n"
        + "RG7,2022,2,16,Nigeria,,Kano,12.0,8.52,1,3,14,Unknown,2,0,3,0,1,0\r\n"
        + "RG8,2022,3,1,Nigeria,Atlantis,Nowhere,,,5,3,14,Unknown,1,0,0,0,1,0\r\n"
        + "RG9,2022,3,2,Pakistan,Khyber Pakhtunkhwa,Peshawar,34.01,71.58,1,3,14,TTP,5,0,7,0,1,0\r\n";

    // Amber, PK-NACTA alone: Yobe (10, 5), Borno (1, 0).
    private const string Amber = Header + "\r\n"
        + "RG5,2022,2,20,Nigeria,Yobe,Potiskum,11.71,11.08,1,3,14,Boko Haram,10,0,5,0,1,0\r\n"
        + "RG6,2022,3,3,Nigeria,Borno,Dikwa,12.03,13.92,1,1,2,ISWAP,1,0,0,0,1,0\r\n";

    private static readonly SemaphoreSlim Seeded = new(1, 1);
    private static readonly HashSet<JsmsTestApp> Done = [];

    private async Task<JsonNode> RegionsAsync(string user, string query)
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
        var response = await (await app.LoginAs(user)).GetAsync("/api/incidents/regions?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static Dictionary<string, (int Attacks, int Killed, int Injured)> Counted(JsonNode collection) => collection["features"]!.AsArray()
        .Select(f => f!["properties"]!)
        .Where(p => (int)p["attacks"]! > 0)
        .ToDictionary(p => (string)p["name"]!, p => ((int)p["attacks"]!, (int)p["killed"]!, (int)p["injured"]!));

    private static (int, int, int) Figures(JsonNode node) => ((int)node["attacks"]!, (int)node["killed"]!, (int)node["injured"]!);

    [Fact]
    public async Task Every_readable_incident_is_counted_in_its_province_by_name_or_by_its_point()
    {
        var regions = await RegionsAsync("pk.analyst", "from=2022-01-01&to=2022-03-31");

        Assert.Equal(new Dictionary<string, (int, int, int)>
        {
            ["Borno"] = (4, 10, 3),
            ["Yobe"] = (2, 16, 7),
            ["Kano"] = (1, 2, 3),
            ["N.W.F.P."] = (1, 5, 7),
        }, Counted(regions));
        Assert.Equal((1, 1, 0), Figures(regions["unmatched"]!));
        Assert.Equal((9, 34, 20), Figures(regions["totals"]!));
        // Every area of the countries with an incident is drawn, those without one at 0.
        var features = regions["features"]!.AsArray();
        Assert.Equal(37, features.Count(f => (string?)f!["properties"]!["country"] == "NG"));
        Assert.Contains(features, f => (string?)f!["properties"]!["name"] == "Lagos" && (int)f["properties"]!["attacks"]! == 0);
        Assert.All(features, f => Assert.True((string?)f!["geometry"]!["type"] is "Polygon" or "MultiPolygon"));
    }

    [Fact]
    public async Task A_partner_that_reads_only_the_green_incidents_sees_figures_without_the_others()
    {
        var regions = await RegionsAsync("cn.liaison", "from=2022-01-01&to=2022-03-31");

        Assert.Equal(new Dictionary<string, (int, int, int)>
        {
            ["Borno"] = (3, 9, 3),
            ["Yobe"] = (1, 6, 2),
            ["Kano"] = (1, 2, 3),
            ["N.W.F.P."] = (1, 5, 7),
        }, Counted(regions));
        Assert.Equal((7, 23, 15), Figures(regions["totals"]!));
    }

    [Fact]
    public async Task The_period_country_and_attack_type_narrow_the_figures()
    {
        var february = await RegionsAsync("pk.analyst", "from=2022-02-01&to=2022-02-28&country=NG");
        Assert.Equal(new Dictionary<string, (int, int, int)>
        {
            ["Borno"] = (1, 4, 2),
            ["Yobe"] = (2, 16, 7),
            ["Kano"] = (1, 2, 3),
        }, Counted(february));
        Assert.DoesNotContain(february["features"]!.AsArray(), f => (string?)f!["properties"]!["country"] == "PK");

        var armedAssaults = await RegionsAsync("pk.analyst", "from=2022-01-01&to=2022-03-31&attackType=2");
        Assert.Equal(new Dictionary<string, (int, int, int)> { ["Borno"] = (1, 2, 0), ["Yobe"] = (1, 6, 2) }, Counted(armedAssaults));
    }

    [Fact]
    public async Task A_bad_period_is_refused_naming_the_parameter()
    {
        var client = await app.LoginAs("pk.analyst");
        var reversed = await client.GetAsync("/api/incidents/regions?from=2022-03-01&to=2022-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Equal("application/problem+json", reversed.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["to"], (await reversed.ValidationErrors()).Keys);

        var tooLong = await client.GetAsync("/api/incidents/regions?from=1950-01-01&to=2022-01-01&attackType=12");
        Assert.Equal(["attackType", "from"], (await tooLong.ValidationErrors()).Keys.Order());

        var notADay = await client.GetAsync("/api/incidents/regions?from=2022-13-01");
        Assert.Equal(HttpStatusCode.BadRequest, notADay.StatusCode);
        Assert.Equal("application/problem+json", notADay.Content.Headers.ContentType?.MediaType);
    }
}
