using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Jsms.Platform;

/// <summary>
/// The data-protection key ring: persisted so sign-in cookies and protected identifiers survive a restart, and
/// encrypted at rest with a certificate when one is configured (docs/security.md, "Data-protection keys").
/// </summary>
internal static class KeyProtection
{
    public static IServiceCollection AddJsmsDataProtection(this IServiceCollection services, JsmsOptions options)
    {
        var builder = services.AddDataProtection().SetApplicationName("jsms")
            .PersistKeysToFileSystem(new DirectoryInfo(KeysDirectory(options)));
        var settings = options.DataProtection;
        if (!string.IsNullOrWhiteSpace(settings.CertificatePath))
        {
            builder.ProtectKeysWithCertificate(Load(settings.CertificatePath, settings.CertificatePassword, "Jsms:DataProtection:CertificatePath"));
            if (settings.PreviousCertificatePaths.Count > 0)
            {
                builder.UnprotectKeysWithAnyCertificate([.. settings.PreviousCertificatePaths
                    .Select(p => Load(p, settings.PreviousCertificatePassword, "Jsms:DataProtection:PreviousCertificatePaths"))]);
            }
        }
        return services;
    }

    /// <summary>Says at start-up how the keys are kept, and warns when nothing protects them.</summary>
    public static void LogKeyProtection(WebApplication app, JsmsOptions options)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(KeyProtection).FullName!);
        var keys = KeysDirectory(options);
        if (!string.IsNullOrWhiteSpace(options.DataProtection.CertificatePath))
        {
            logger.LogInformation("Data-protection keys in {KeysDirectory} are encrypted with the certificate {CertificatePath}.",
                keys, options.DataProtection.CertificatePath);
        }
        else if (IsInside(keys, Path.GetFullPath(options.DataDirectory)))
        {
            logger.LogWarning("Data-protection keys are stored unencrypted in {KeysDirectory}, inside the data folder: whoever copies that folder "
                + "can decrypt passport and phone numbers and forge sign-in cookies. Set Jsms:DataProtection:CertificatePath (and "
                + "CertificatePassword) to encrypt them, or Jsms:DataProtection:KeysDirectory to keep them elsewhere (docs/security.md).", keys);
        }
        else
        {
            logger.LogInformation("Data-protection keys are stored unencrypted in {KeysDirectory}, outside the data folder; "
                + "protect that folder, or set Jsms:DataProtection:CertificatePath to encrypt them.", keys);
        }
    }

    private static string KeysDirectory(JsmsOptions options)
        => string.IsNullOrWhiteSpace(options.DataProtection.KeysDirectory)
            ? Path.Combine(Path.GetFullPath(options.DataDirectory), "keys")
            : Path.GetFullPath(options.DataProtection.KeysDirectory);

    private static bool IsInside(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }

    private static X509Certificate2 Load(string path, string? password, string key)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{key}: the certificate file \"{path}\" does not exist.");
        }
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new InvalidOperationException($"{key}: \"{path}\" could not be read as a PKCS#12 file with the configured password ({e.Message}).", e);
        }
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"{key}: \"{path}\" holds no private key, so the keys it encrypts could not be decrypted.");
        }
        return certificate;
    }
}
