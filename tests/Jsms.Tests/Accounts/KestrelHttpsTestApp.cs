using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Accounts;

/// <summary>The app served by Kestrel over HTTPS with a certificate from configuration (the keys docs/security.md names).</summary>
public sealed class KestrelHttpsTestApp : JsmsTestApp
{
    private readonly string _secrets = Path.Combine(Path.GetTempPath(), "jsms-tests", "tls-" + Guid.NewGuid().ToString("N"));

    protected override IEnumerable<string> ExtraArguments =>
    [
        "--urls=https://127.0.0.1:0",
        $"--Kestrel:Certificates:Default:Path={TestCertificates.WritePfx(_secrets, "jsms.example.org")}",
        $"--Kestrel:Certificates:Default:Password={TestCertificates.Password}",
    ];
}
