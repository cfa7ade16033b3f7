namespace Jsms.Features.Tracking;

/// <summary>The protocol part of the <c>Jsms:Tracking</c> section: extra listeners and size limits.</summary>
internal sealed class TrackingProtocolOptions
{
    /// <summary>TCP port of the Cursor-on-Target listener (a stream of &lt;event&gt; elements); 0 or absent: off.</summary>
    public int CotTcpPort { get; set; }

    /// <summary>Dedicated port of the OsmAnd / Traccar client protocol (Traccar uses 5055); 0 or absent: off.</summary>
    public int OsmAndPort { get; set; }

    /// <summary>Largest single CoT event (bytes); a longer one is counted malformed and skipped.</summary>
    public int CotMaxEventBytes { get; set; } = 64 * 1024;

    /// <summary>Largest body of <c>POST /api/tracking/cot</c>.</summary>
    public long CotMaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// TLS port of the Cursor-on-Target listener (the TAK streaming convention uses 8089); 0 or absent: off, -1: a port the
    /// OS picks. Clients must present a certificate that chains to <see cref="CotTlsClientCaPath"/>.
    /// </summary>
    public int CotTlsPort { get; set; }

    /// <summary>The server's certificate for the CoT TLS port: a PKCS#12 (.pfx/.p12) file, or a PEM certificate with <see cref="CotTlsKeyPath"/>.</summary>
    public string? CotTlsCertificatePath { get; set; }

    /// <summary>Password of the PKCS#12 file (or of an encrypted PEM key).</summary>
    public string? CotTlsCertificatePassword { get; set; }

    /// <summary>The PEM private key when <see cref="CotTlsCertificatePath"/> is a PEM certificate.</summary>
    public string? CotTlsKeyPath { get; set; }

    /// <summary>PEM file of the certificate authority (or authorities) that client certificates must chain to; only these are trusted.</summary>
    public string? CotTlsClientCaPath { get; set; }

    /// <summary>Most CoT connections (TCP and TLS together) served at once.</summary>
    public int CotMaxConnections { get; set; } = 200;

    /// <summary>Most CoT connections served at once from one remote address; further ones are closed at once.</summary>
    public int CotMaxConnectionsPerAddress { get; set; } = 8;

    /// <summary>A CoT connection that has not sent a complete event (or finished its TLS handshake) within this long is closed.</summary>
    public double CotFirstEventSeconds { get; set; } = 30;

    /// <summary>A CoT connection that sends nothing for this long after its first event is closed.</summary>
    public double CotIdleMinutes { get; set; } = 10;

    /// <summary>How often connections are checked against the two timeouts above (by the app's clock).</summary>
    public double CotSweepSeconds { get; set; } = 1;

    /// <summary>Largest GPX or CSV file accepted by the track import.</summary>
    public long MaxImportBytes { get; set; } = 20 * 1024 * 1024;
}
