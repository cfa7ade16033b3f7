using System.Text.Json;
using Jsms.Tests.Infrastructure;
using Jsms.Tests.Intelligence;

namespace Jsms.Tests.Incidents;

/// <summary>
/// Incidents shared with partner nodes over the TAXII exchange: the owner puts its incidents into an intelligence
/// collection, each with its own marking, and a partner's TAXII client gets exactly those released to it.
/// </summary>
public sealed class IncidentSharingTests(IntelligenceTestApp app) : IClassFixture<IntelligenceTestApp>
{
    private const string Header = "eventid,iyear,imonth,iday,country_txt,provstate,city,latitude,longitude,specificity,attacktype1,targtype1,gname,nkill,nwound,success,suicide";

    private static string Row(string id, string city) => $"{id},2024,5,{id.Length + 3},Pakistan,Sindh,{city},24.86,67.01,1,3,14,Share Test Group {id},1,2,1,0\r\n";

    private async Task<List<string>> TaxiiIncidentNamesAsync(string user, Guid collection)
    {
        using var client = await app.TaxiiAs(user);
        var (status, envelope, _) = await client.GetJson($"/taxii2/api/collections/{collection}/objects/?match[type]=incident");
        Assert.Equal(200, status);
        return envelope.TryGetProperty("objects", out var objects) ? [.. objects.EnumerateArray().Select(o => o.GetProperty("name").GetString()!)] : [];
    }

    [Fact]
    public async Task The_owner_shares_its_incidents_into_a_collection_and_a_partner_gets_over_taxii_only_those_released_to_it()
    {
        var analyst = await app.LoginAs("pk.analyst");
        (await analyst.ImportTextAsync("gtd", Header + "\r\n" + Row("SH1", "Green Town"), query: "&tlp=GREEN")).EnsureSuccessStatusCode();
        (await analyst.ImportTextAsync("gtd", Header + "\r\n" + Row("SH22", "Amber China"), query: "&tlp=AMBER&releaseTo=CN-MPS")).EnsureSuccessStatusCode();
        (await analyst.ImportTextAsync("gtd", Header + "\r\n" + Row("SH333", "Amber Alone"), query: "&tlp=AMBER")).EnsureSuccessStatusCode();
        (await analyst.ImportTextAsync("gtd", Header + "\r\n" + Row("SH4444", "Red Eyes"), query: "&tlp=RED")).EnsureSuccessStatusCode();
        var collection = await app.CreateCollectionAsync();

        var response = await analyst.Post("/api/incidents/share", new { collectionId = collection, from = "2024-05-01", to = "2024-05-31" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var outcome = JsonDocument.Parse(body).RootElement;
        Assert.Equal(0, outcome.GetProperty("refused").GetInt32());
        Assert.True(outcome.GetProperty("keptHere").GetInt32() >= 1);

        var own = await TaxiiIncidentNamesAsync("pk.analyst", collection);
        Assert.Contains(own, n => n.Contains("Green Town", StringComparison.Ordinal));
        Assert.DoesNotContain(own, n => n.Contains("Red Eyes", StringComparison.Ordinal));

        var china = await TaxiiIncidentNamesAsync("cn.liaison", collection);
        Assert.Contains(china, n => n.Contains("Green Town", StringComparison.Ordinal));
        Assert.Contains(china, n => n.Contains("Amber China", StringComparison.Ordinal));
        Assert.DoesNotContain(china, n => n.Contains("Amber Alone", StringComparison.Ordinal));
        Assert.DoesNotContain(china, n => n.Contains("Red Eyes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sharing_into_an_unknown_collection_answers_404_and_a_viewer_is_refused()
    {
        var analyst = await app.LoginAs("pk.analyst");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await analyst.Post("/api/incidents/share", new { collectionId = Guid.NewGuid() })).StatusCode);
        var viewer = await app.LoginAs("pk.viewer");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await viewer.Post("/api/incidents/share", new { collectionId = Guid.NewGuid() })).StatusCode);
    }
}
