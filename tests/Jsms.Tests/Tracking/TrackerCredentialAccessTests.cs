using System.Net;
using Jsms.Features.Tracking;
using Jsms.Tests.Consultations;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Tracking;

/// <summary>
/// A tracker's credentials (its OsmAnd secret, its bound certificate) are changed only by the writers of its owner
/// agency: a partner gets 404 whether or not it may read the tracker, a viewer of the owner agency gets 403, and
/// nothing is stored for either.
/// </summary>
public sealed class TrackerCredentialAccessTests(TrackingTestApp app) : IClassFixture<TrackingTestApp>
{
    private static readonly string Thumbprint = new('a', 64);

    private async Task<Guid> NewDevice(string tlp)
    {
        using var owner = await app.LoginAs("pk.analyst");
        var uniqueId = "cred-access-" + Guid.NewGuid().ToString("N")[..10];
        var device = await (await owner.Post("/api/devices", new { uniqueId, name = "Escort tracker", kind = "VehicleTracker", marking = new { tlp } }))
            .Read<DeviceDto>(HttpStatusCode.Created);
        return device.Id;
    }

    private static async Task<HttpStatusCode[]> TryEveryCredentialChange(HttpClient client, Guid id) =>
    [
        (await client.Post($"/api/devices/{id}/secret", new { secret = "a-partners-chosen-secret" })).StatusCode,
        (await client.DeleteAsync($"/api/devices/{id}/secret")).StatusCode,
        (await client.Put($"/api/devices/{id}/certificate", new { thumbprint = Thumbprint })).StatusCode,
        (await client.DeleteAsync($"/api/devices/{id}/certificate")).StatusCode,
    ];

    private Task<(byte[]? Secret, string? Thumbprint)> Stored(Guid id) => app.WithDb(async db =>
    {
        var d = await db.Set<Device>().AsNoTracking().SingleAsync(x => x.Id == id);
        return (d.SecretHash, d.CertificateThumbprint);
    });

    [Theory]
    [InlineData("CLEAR")]
    [InlineData("AMBER+STRICT")]
    public async Task A_partner_cannot_set_or_clear_a_trackers_secret_or_certificate_whether_or_not_it_reads_the_tracker(string tlp)
    {
        var id = await NewDevice(tlp);
        using var partner = await app.LoginAs("cn.liaison");

        Assert.All(await TryEveryCredentialChange(partner, id), status => Assert.Equal(HttpStatusCode.NotFound, status));
        Assert.Equal((null, null), await Stored(id));
    }

    [Fact]
    public async Task A_viewer_of_the_owner_agency_is_refused_every_credential_change_with_403()
    {
        var id = await NewDevice("AMBER");
        using var viewer = await app.LoginAs("pk.viewer");

        Assert.All(await TryEveryCredentialChange(viewer, id), status => Assert.Equal(HttpStatusCode.Forbidden, status));
        Assert.Equal((null, null), await Stored(id));
    }

    [Fact]
    public async Task The_owner_agencys_writer_sets_both_and_the_answer_never_shows_the_stored_secret()
    {
        var id = await NewDevice("AMBER");
        using var owner = await app.LoginAs("pk.coordinator");

        var set = await owner.Post($"/api/devices/{id}/secret", new { secret = "the-owners-own-secret" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.Put($"/api/devices/{id}/certificate", new { thumbprint = Thumbprint })).StatusCode);
        var (secret, thumbprint) = await Stored(id);
        Assert.Equal(32, secret!.Length);
        Assert.Equal(Thumbprint.ToUpperInvariant(), thumbprint!.ToUpperInvariant());
        Assert.DoesNotContain(Convert.ToHexString(secret), await owner.GetStringAsync($"/api/devices/{id}"), StringComparison.OrdinalIgnoreCase);
    }
}
