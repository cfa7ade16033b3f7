using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Accounts;

/// <summary>The app with its data-protection keys in a folder of their own, encrypted with a configured certificate.</summary>
public sealed class KeyProtectionTestApp : JsmsTestApp
{
    private readonly string _secrets = Path.Combine(Path.GetTempPath(), "jsms-tests", "secrets-" + Guid.NewGuid().ToString("N"));

    public string KeysDirectory => Path.Combine(_secrets, "keys");

    protected override IEnumerable<string> ExtraArguments =>
    [
        $"--Jsms:DataProtection:KeysDirectory={KeysDirectory}",
        $"--Jsms:DataProtection:CertificatePath={TestCertificates.WritePfx(_secrets, "jsms-keys")}",
        $"--Jsms:DataProtection:CertificatePassword={TestCertificates.Password}",
    ];
}
