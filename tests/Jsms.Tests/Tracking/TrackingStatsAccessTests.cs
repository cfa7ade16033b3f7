using System.Net;
using Jsms.Features.Tracking;
using Jsms.Tests.Consultations;

namespace Jsms.Tests.Tracking;

/// <summary>
/// /api/tracking/stats counts every agency's positions and alerts on the node: a count a partner may not derive
/// anything from, so only an administrator of the node reads it.
/// </summary>
public sealed class TrackingStatsAccessTests(TrackingTestApp app) : IClassFixture<TrackingTestApp>
{
    [Theory]
    [InlineData("pk.analyst")]
    [InlineData("cn.liaison")]
    [InlineData("us.analyst")]
    public async Task Node_wide_tracking_counts_are_refused_to_users_who_are_not_administrators(string user)
    {
        using var client = await app.LoginAs(user);
        var response = await client.GetAsync("/api/tracking/stats");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_administrator_reads_the_node_wide_tracking_counts()
    {
        using var client = await app.LoginAs("admin");
        var stats = await client.GetAs<TrackingStatsDto>("/api/tracking/stats");
        Assert.True(stats.Positions >= 0);
    }
}
