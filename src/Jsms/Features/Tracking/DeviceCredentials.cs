using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Jsms.Features.Tracking;

/// <summary>
/// What proves a tracker is the device it names, beyond its unique id (which partners may learn): an OsmAnd secret, kept as
/// its SHA-256 and compared in constant time, and a client certificate thumbprint for Cursor-on-Target over TLS. A device
/// with neither is known by its unique id alone, as in Traccar.
/// </summary>
internal static class DeviceCredentials
{
    public const int MinSecretLength = 16;

    /// <summary>The OsmAnd parameter (query or form) that carries the device's secret.</summary>
    public const string KeyParameter = "key";

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>A new secret of 32 random bytes, URL-safe, to configure in the tracker's server URL.</summary>
    public static string NewSecret() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>True when the device has no secret, or <paramref name="key"/> is it. The comparison takes the same time whatever the key.</summary>
    public static bool SecretMatches(Device device, string? key)
    {
        if (device.SecretHash is not { } expected)
        {
            return true;
        }
        return CryptographicOperations.FixedTimeEquals(Hash(key ?? ""), expected);
    }

    /// <summary>
    /// May a Cursor-on-Target connection report for this device? Plain TCP (no certificate): only devices with no credential.
    /// TLS: a device bound to a certificate only with that one; other devices with any certificate the CA vouches for.
    /// </summary>
    public static bool CotMayReport(Device device, string? clientThumbprint)
    {
        if (clientThumbprint is null)
        {
            return !device.HasIngestCredential;
        }
        return device.CertificateThumbprint is null
            || CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(device.CertificateThumbprint), Encoding.ASCII.GetBytes(clientThumbprint));
    }

    public static string Thumbprint(X509Certificate2 certificate) => certificate.GetCertHashString(HashAlgorithmName.SHA256);

    /// <summary>64 hex digits (colons, spaces and dashes ignored), upper case; null when it is not that.</summary>
    public static string? NormaliseThumbprint(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var hex = new string(text.Where(c => c is not (':' or ' ' or '-')).ToArray()).ToUpperInvariant();
        return hex.Length == 64 && hex.All(char.IsAsciiHexDigit) ? hex : null;
    }

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
