using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Accounts;

/// <summary>
/// The app behind a reverse proxy on 127.0.0.1: X-Forwarded-For and X-Forwarded-Proto from the test client are believed,
/// so a test can send requests from any client address and as if they had arrived over HTTPS.
/// </summary>
public sealed class TrustedProxyTestApp : JsmsTestApp
{
    protected override IEnumerable<string> ExtraArguments => ["--Jsms:Proxy:KnownProxies:0=127.0.0.1"];
}
