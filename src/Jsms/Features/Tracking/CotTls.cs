using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Jsms.Features.Tracking;

/// <summary>
/// The TLS side of the Cursor-on-Target listener: the server certificate and the client certificate authorities, read
/// from the files named in <c>Jsms:Tracking</c> (docs/security.md). A client must present a certificate that chains to
/// one of those authorities (and to nothing else: the system's roots are not trusted here), valid on the app's clock.
/// </summary>
internal sealed class CotTls
{
    private readonly X509Certificate2Collection _authorities;
    private readonly TimeProvider _clock;

    private CotTls(X509Certificate2 server, X509Certificate2Collection authorities, TimeProvider clock)
    {
        _authorities = authorities;
        _clock = clock;
        ServerOptions = new SslServerAuthenticationOptions
        {
            ServerCertificate = server,
            ClientCertificateRequired = true,
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && ChainsToAuthority(certificate),
        };
    }

    public SslServerAuthenticationOptions ServerOptions { get; }

    public static CotTls Load(TrackingProtocolOptions options, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(options.CotTlsCertificatePath) || string.IsNullOrWhiteSpace(options.CotTlsClientCaPath))
        {
            throw new InvalidOperationException("Jsms:Tracking:CotTlsPort needs CotTlsCertificatePath (the server certificate) and CotTlsClientCaPath (the CA of client certificates).");
        }
        X509Certificate2 server;
        if (!string.IsNullOrWhiteSpace(options.CotTlsKeyPath))
        {
            server = string.IsNullOrEmpty(options.CotTlsCertificatePassword)
                ? X509Certificate2.CreateFromPemFile(options.CotTlsCertificatePath, options.CotTlsKeyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(options.CotTlsCertificatePath, options.CotTlsCertificatePassword, options.CotTlsKeyPath);
        }
        else
        {
            server = X509CertificateLoader.LoadPkcs12FromFile(options.CotTlsCertificatePath, options.CotTlsCertificatePassword);
        }
        if (!server.HasPrivateKey)
        {
            throw new InvalidOperationException($"The CoT TLS certificate {options.CotTlsCertificatePath} has no private key.");
        }
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(options.CotTlsClientCaPath);
        if (authorities.Count == 0)
        {
            throw new InvalidOperationException($"No certificate in {options.CotTlsClientCaPath} (expected PEM).");
        }
        return new CotTls(server, authorities, clock);
    }

    private bool ChainsToAuthority(X509Certificate certificate)
    {
        using var client = new X509Certificate2(certificate);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = _clock.GetUtcNow().UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        return chain.Build(client);
    }
}
