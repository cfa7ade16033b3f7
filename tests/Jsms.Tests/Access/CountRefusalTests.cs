using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Access;

/// <summary>
/// Lists, their totals, counts and statistics are taken over what the caller may read: when another agency adds records
/// the caller may not read (<see cref="ForeignRecordApp"/>, one of each module), nothing the caller sees moves, not
/// even a figure.
/// </summary>
public sealed class CountRefusalTests(ForeignRecordApp app) : IClassFixture<ForeignRecordApp>
{
    /// <summary>The outsider's lists, counts and statistics; a new module's list or count endpoint adds its line.</summary>
    private static readonly string[] Views =
    [
        "/api/alerts",
        "/api/alerts/counts",
        "/api/incidents",
        "/api/incidents?country=PK",
        "/api/incidents/statistics",
        "/api/incidents/statistics?by=country&from=2016-01-01",
        "/api/incidents/map?from=2025-06-01",
        "/api/incidents/regions?from=2016-01-01",
        "/api/exercises",
        "/api/lessons",
        "/api/lessons/board",
        "/api/training/courses",
        "/api/training/certificates/expiring?within=3650d",
        "/api/training/people?name=Ayesha%20Malik%20(demo)&agency=PK-NACTA",
        "/api/equipment/agreements",
        "/api/equipment/inventories/due?withinDays=3660",
        "/api/assistance/activities",
        "/api/operations/register?state=PK",
    ];

    [Fact]
    public async Task Records_another_agency_adds_and_the_caller_may_not_read_change_no_list_total_count_or_statistic()
    {
        using var outsider = await app.LoginAs(ForeignRecordApp.Outsider);
        var before = await ReadAsync(outsider);

        await app.IdsAsync();

        var after = await ReadAsync(outsider);
        foreach (var view in Views)
        {
            Assert.True(before[view] == after[view], $"{view} changed for {ForeignRecordApp.Outsider}:\nbefore {before[view]}\nafter  {after[view]}");
        }
    }

    [Fact]
    public async Task The_owner_sees_its_new_records_counted()
    {
        var ids = await app.IdsAsync();
        using var owner = await app.LoginAs("pk.coordinator");
        var counts = await owner.GetStringAsync("/api/alerts/counts");
        Assert.DoesNotContain("\"openAlerts\":0", counts, StringComparison.Ordinal);
        Assert.Contains(ids["incident"].ToString(), await owner.GetStringAsync("/api/incidents?pageSize=500"), StringComparison.Ordinal);
        Assert.Contains(ids["lesson"].ToString(), await owner.GetStringAsync("/api/lessons"), StringComparison.Ordinal);
    }

    private static async Task<Dictionary<string, string>> ReadAsync(HttpClient client)
    {
        var views = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var view in Views)
        {
            var (status, body, _) = await client.GetJson(view);
            Assert.True(status == 200, $"{view}: {status} {body}");
            views[view] = body.GetRawText();
        }
        return views;
    }
}
