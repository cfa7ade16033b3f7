using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Jsms.Features.Tracking;
using Jsms.Tests.Consultations;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Tracking;

/// <summary>
/// The tracking app with Cursor-on-Target over plain TCP and over TLS (client certificates from a CA made here), at most
/// three connections per address, and a sweep of idle connections every 50 ms of real time against the test clock.
/// </summary>
public sealed class TrackerCredentialsTestApp : JsmsTestApp
{
    private readonly string _folder = Directory.CreateTempSubdirectory("jsms-cot-tls").FullName;

    public TrackerCredentialsTestApp()
    {
        var notBefore = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var notAfter = new DateTimeOffset(2040, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Authority = Certificates.Authority("JSMS test CoT CA", notBefore, notAfter);
        var stranger = Certificates.Authority("Someone else's CA", notBefore, notAfter);
        ClientA = Certificates.Issue(Authority, "tracker-a", server: false, notBefore, notAfter);
        ClientB = Certificates.Issue(Authority, "tracker-b", server: false, notBefore, notAfter);
        Stranger = Certificates.Issue(stranger, "tracker-a", server: false, notBefore, notAfter);
        var server = Certificates.Issue(Authority, "localhost", server: true, notBefore, notAfter);
        File.WriteAllBytes(Path.Combine(_folder, "server.pfx"), server.Export(X509ContentType.Pkcs12, "server-password"));
        File.WriteAllText(Path.Combine(_folder, "clients-ca.pem"), Authority.ExportCertificatePem());
    }

    public X509Certificate2 Authority { get; }

    public X509Certificate2 ClientA { get; }

    public X509Certificate2 ClientB { get; }

    /// <summary>Same subject as <see cref="ClientA"/>, issued by a CA the server does not trust.</summary>
    public X509Certificate2 Stranger { get; }

    internal CotListener Listener => Service<CotListener>();

    protected override IEnumerable<string> ExtraArguments =>
        ["--Jsms:Tracking:TickSeconds=0.2", "--Jsms:TokenLifetimeMinutes=10080", "--Jsms:Tracking:CotTcpPort=-1", "--Jsms:Tracking:CotTlsPort=-1",
         $"--Jsms:Tracking:CotTlsCertificatePath={Path.Combine(_folder, "server.pfx")}", "--Jsms:Tracking:CotTlsCertificatePassword=server-password",
         $"--Jsms:Tracking:CotTlsClientCaPath={Path.Combine(_folder, "clients-ca.pem")}", "--Jsms:Tracking:CotMaxConnectionsPerAddress=3",
         "--Jsms:Tracking:CotFirstEventSeconds=30", "--Jsms:Tracking:CotIdleMinutes=5", "--Jsms:Tracking:CotSweepSeconds=0.05"];
}

/// <summary>Certificates made in-process for the tests (ECDSA P-256).</summary>
internal static class Certificates
{
    public static X509Certificate2 Authority(string name, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(notBefore, notAfter);
    }

    public static X509Certificate2 Issue(X509Certificate2 authority, string name, bool server, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(server ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        if (server)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
        }
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        using var issued = request.Create(authority, notBefore, notAfter, RandomNumberGenerator.GetBytes(12));
        return issued.CopyWithPrivateKey(key);
    }
}

/// <summary>
/// Knowing a device's unique id is not enough to report for it once its owner gave it a credential: an OsmAnd secret, or a
/// client certificate for Cursor-on-Target over TLS. And one client cannot fill the CoT port with idle connections.
/// </summary>
public sealed class TrackerCredentialTests(TrackerCredentialsTestApp app) : IClassFixture<TrackerCredentialsTestApp>
{
    private const double Lat = 24.8600, Lon = 67.0100;

    private async Task<(Guid Id, string UniqueId)> NewDevice()
    {
        using var client = await app.LoginAs("pk.analyst");
        var uniqueId = "cred-" + Guid.NewGuid().ToString("N")[..10];
        var device = await (await client.Post("/api/devices", new { uniqueId, name = "Escort tracker", kind = "VehicleTracker" })).Read<DeviceDto>(HttpStatusCode.Created);
        return (device.Id, uniqueId);
    }

    private Task<int> PositionCount(string uniqueId) => app.WithDb(db =>
        db.Set<Position>().CountAsync(p => db.Set<Device>().Any(d => d.Id == p.DeviceId && d.UniqueId == uniqueId)));

    private static Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done)
        => Eventually.Value(read, done, "the listener's outcome");

    private string Cot(string uid, int minutesAgo = 1)
    {
        var at = app.Clock.GetUtcNow().AddMinutes(-minutesAgo).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return $"""<event version="2.0" uid="{uid}" type="a-f-G-U-C" time="{at}" start="{at}" stale="{at}" how="m-g"><point lat="{Lat.ToString(CultureInfo.InvariantCulture)}" lon="{Lon.ToString(CultureInfo.InvariantCulture)}" hae="10" ce="5" le="5"/></event>""";
    }

    private async Task<SslStream> ConnectTls(int port, X509Certificate2 certificate, TcpClient tcp)
    {
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        var ssl = new SslStream(tcp.GetStream(), false);
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            ClientCertificates = [certificate],
            // The server's certificate comes from the test CA, as a TAK client trusts its server's CA.
            CertificateChainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                CustomTrustStore = { app.Authority },
                RevocationMode = X509RevocationMode.NoCheck,
            },
        });
        return ssl;
    }

    private static async Task Send(Stream stream, string text)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text));
        await stream.FlushAsync();
    }

    /// <summary>True when the server closes the connection (end of stream or reset) within a few seconds.</summary>
    private static async Task<bool> ClosedByServer(Stream stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            return await stream.ReadAsync(new byte[16], timeout.Token) == 0;
        }
        catch (Exception e) when (e is IOException or SocketException or System.Security.Authentication.AuthenticationException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>True when a new connection to the port is reset by the server (even before the connect completes here) or closed.</summary>
    private static async Task<bool> RefusedAtOnce(int port)
    {
        using var tcp = new TcpClient();
        try
        {
            await tcp.ConnectAsync(IPAddress.Loopback, port);
        }
        catch (SocketException)
        {
            return true;
        }
        return await ClosedByServer(tcp.GetStream());
    }

    [Fact]
    public async Task With_a_secret_osmand_positions_without_the_right_key_are_refused_and_not_stored()
    {
        var (id, uniqueId) = await NewDevice();
        using var owner = await app.LoginAs("pk.analyst");
        var secret = (await (await owner.Post($"/api/devices/{id}/secret", new { })).Read<DeviceSecretDto>()).Secret;
        Assert.True(secret.Length >= 32);
        using var anonymous = app.Anonymous();
        var url = $"/api/tracking/osmand?id={uniqueId}&lat={Lat}&lon={Lon}";

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);
        var wrong = await anonymous.GetAsync(url + "&key=" + Uri.EscapeDataString(secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A')));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        var json = "{\"device_id\":\"" + uniqueId + "\",\"location\":{\"coords\":{\"latitude\":24.86,\"longitude\":67.01}}}";
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/tracking/osmand", new StringContent(json, Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(0, await PositionCount(uniqueId));

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(url + "&key=" + Uri.EscapeDataString(secret))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync("/api/tracking/osmand?key=" + Uri.EscapeDataString(secret),
            new StringContent(json, Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync("/api/tracking/osmand", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = uniqueId, ["lat"] = $"{Lat}", ["lon"] = $"{Lon}", ["key"] = secret,
        }))).StatusCode);
        Assert.Equal(3, await PositionCount(uniqueId));
    }

    [Fact]
    public async Task A_rotated_secret_replaces_the_old_one_and_a_cleared_one_lets_the_id_alone_report_again()
    {
        var (id, uniqueId) = await NewDevice();
        using var owner = await app.LoginAs("pk.analyst");
        var first = (await (await owner.Post($"/api/devices/{id}/secret", new { secret = "first-secret-of-the-escort" })).Read<DeviceSecretDto>()).Secret;
        var second = (await (await owner.Post($"/api/devices/{id}/secret", new { })).Read<DeviceSecretDto>()).Secret;
        using var anonymous = app.Anonymous();
        var url = $"/api/tracking/osmand?id={uniqueId}&lat={Lat}&lon={Lon}&key=";
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url + Uri.EscapeDataString(first))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(url + Uri.EscapeDataString(second))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/devices/{id}/secret")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/tracking/osmand?id={uniqueId}&lat={Lat}&lon={Lon}")).StatusCode);

        var tooShort = await owner.Post($"/api/devices/{id}/secret", new { secret = "short" });
        Assert.Equal(["secret"], (await tooShort.ValidationProblemAsync()).Errors.Keys);
    }

    [Fact]
    public async Task Only_the_owner_agency_sets_a_secret_and_no_one_reads_it_back()
    {
        var (id, _) = await NewDevice();
        using var owner = await app.LoginAs("pk.analyst");
        // Released to everyone: partners read the device but may not set its secret (404, as for any change they may not make).
        var update = await owner.Put($"/api/devices/{id}", new { uniqueId = (await owner.GetAs<DeviceDto>($"/api/devices/{id}")).UniqueId, name = "Escort tracker", kind = "VehicleTracker", marking = new { tlp = "CLEAR" } });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var secret = (await (await owner.Post($"/api/devices/{id}/secret", new { })).Read<DeviceSecretDto>()).Secret;

        using var partner = await app.LoginAs("cn.liaison");
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/api/devices/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.Post($"/api/devices/{id}/secret", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.DeleteAsync($"/api/devices/{id}/secret")).StatusCode);

        foreach (var client in new[] { owner, partner })
        {
            Assert.DoesNotContain(secret, await client.GetStringAsync($"/api/devices/{id}"), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, await client.GetStringAsync("/api/devices"), StringComparison.Ordinal);
        }
        var stored = await app.WithDb(db => db.Set<Device>().Where(d => d.Id == id).Select(d => d.SecretHash).SingleAsync());
        Assert.Equal(32, stored!.Length);
    }

    [Fact]
    public async Task Cot_over_tls_takes_a_client_certificate_from_the_configured_ca_and_refuses_others()
    {
        var (_, uniqueId) = await NewDevice();

        using (var strangerTcp = new TcpClient())
        {
            Stream stream;
            try
            {
                stream = await ConnectTls(app.Listener.TlsPort, app.Stranger, strangerTcp);
                // TLS 1.3 finishes the client's side before the server has judged its certificate: the server closes it then.
                await Send(stream, Cot(uniqueId));
                Assert.True(await ClosedByServer(stream));
            }
            catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException)
            {
                // Refused during the handshake.
            }
        }

        using var trustedTcp = new TcpClient();
        await using var trusted = await ConnectTls(app.Listener.TlsPort, app.ClientA, trustedTcp);
        await Send(trusted, Cot(uniqueId));
        Assert.Equal(1, await Until(() => PositionCount(uniqueId), n => n >= 1));
    }

    [Fact]
    public async Task A_device_bound_to_a_certificate_reports_only_with_that_certificate_and_one_with_a_credential_not_over_plain_tcp()
    {
        var (id, bound) = await NewDevice();
        var (secretId, withSecret) = await NewDevice();
        var (_, open) = await NewDevice();
        using var owner = await app.LoginAs("pk.analyst");
        var thumbprint = app.ClientA.GetCertHashString(HashAlgorithmName.SHA256);
        await (await owner.Put($"/api/devices/{id}/certificate", new { thumbprint = string.Join(':', thumbprint.Chunk(2).Select(c => new string(c)).ToArray()).ToLowerInvariant() }))
            .Read<DeviceDto>();
        await (await owner.Post($"/api/devices/{secretId}/secret", new { })).Read<DeviceSecretDto>();

        // Certificate B (from the trusted CA) may report for devices not bound to a certificate, not for the bound one.
        using (var tcpB = new TcpClient())
        {
            await using var b = await ConnectTls(app.Listener.TlsPort, app.ClientB, tcpB);
            await Send(b, Cot(bound) + Cot(open, 2));
            Assert.Equal(1, await Until(() => PositionCount(open), n => n >= 1));
        }
        // Plain TCP shows nothing but the uid: the bound device and the one with a secret are refused there, the open one is not.
        using (var plain = new TcpClient())
        {
            await plain.ConnectAsync(IPAddress.Loopback, app.Listener.Port);
            await Send(plain.GetStream(), Cot(bound) + Cot(withSecret) + Cot(open, 3));
            Assert.Equal(2, await Until(() => PositionCount(open), n => n >= 2));
        }
        // Certificate A reports for its device (and the device with a secret, over TLS).
        using (var tcpA = new TcpClient())
        {
            await using var a = await ConnectTls(app.Listener.TlsPort, app.ClientA, tcpA);
            await Send(a, Cot(bound) + Cot(withSecret));
            Assert.Equal(1, await Until(() => PositionCount(bound), n => n >= 1));
            Assert.Equal(1, await Until(() => PositionCount(withSecret), n => n >= 1));
        }

        var badThumbprint = await owner.Put($"/api/devices/{id}/certificate", new { thumbprint = "not-a-thumbprint" });
        Assert.Equal(["thumbprint"], (await badThumbprint.ValidationProblemAsync()).Errors.Keys);
    }

    [Fact]
    public async Task Connections_beyond_the_per_address_limit_are_closed_at_once_and_idle_ones_before_their_first_event_soon()
    {
        var (_, uniqueId) = await NewDevice();
        await Until(() => Task.FromResult(app.Listener.OpenConnections), n => n == 0);
        var held = new List<TcpClient>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var tcp = new TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, app.Listener.Port);
                held.Add(tcp);
            }
            Assert.Equal(3, await Until(() => Task.FromResult(app.Listener.OpenConnections), n => n >= 3));

            // The fourth from the same address: closed at once, on the TCP and the TLS port alike.
            Assert.True(await RefusedAtOnce(app.Listener.Port));
            Assert.True(await RefusedAtOnce(app.Listener.TlsPort));

            // One of the three sends an event; then 31 seconds pass on the app's clock.
            await Send(held[0].GetStream(), Cot(uniqueId));
            Assert.Equal(1, await Until(() => PositionCount(uniqueId), n => n >= 1));
            app.Clock.Advance(TimeSpan.FromSeconds(31));

            // The two that never sent an event are closed; the one that did still serves.
            Assert.True(await ClosedByServer(held[1].GetStream()));
            Assert.True(await ClosedByServer(held[2].GetStream()));
            await Send(held[0].GetStream(), Cot(uniqueId, 0));
            Assert.Equal(2, await Until(() => PositionCount(uniqueId), n => n >= 2));

            // Room again for a new connection from the address.
            Assert.Equal(1, await Until(() => Task.FromResult(app.Listener.OpenConnections), n => n <= 1));
            using var again = new TcpClient();
            await again.ConnectAsync(IPAddress.Loopback, app.Listener.Port);
            await Send(again.GetStream(), Cot(uniqueId, 2));
            Assert.Equal(3, await Until(() => PositionCount(uniqueId), n => n >= 3));

            // After its first event a connection may idle for CotIdleMinutes (5 here), no longer.
            app.Clock.Advance(TimeSpan.FromMinutes(6));
            Assert.True(await ClosedByServer(held[0].GetStream()));
        }
        finally
        {
            held.ForEach(t => t.Dispose());
        }
    }
}
