namespace Jsms.Platform;

/// <summary>
/// Where the ASP.NET Core data-protection keys are kept and how they are protected at rest (docs/security.md,
/// "Data-protection keys"). The keys decrypt protected identifiers (passport and phone numbers) and sign cookies.
/// </summary>
internal sealed class KeyProtectionOptions
{
    /// <summary>Folder of the key ring; by default <c>keys</c> inside the data directory.</summary>
    public string? KeysDirectory { get; set; }

    /// <summary>A PKCS#12 (.pfx) file whose certificate encrypts each key (its private key decrypts them).</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Earlier certificates (.pfx), kept to decrypt keys written before a certificate change.</summary>
    public List<string> PreviousCertificatePaths { get; set; } = [];

    /// <summary>Password of the earlier certificates (one for all; empty when they have none).</summary>
    public string? PreviousCertificatePassword { get; set; }
}
