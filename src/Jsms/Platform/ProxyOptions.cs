namespace Jsms.Platform;

/// <summary>
/// Reverse proxies in front of JSMS (docs/security.md, "HTTPS, cookies and proxies"). Forwarded headers are read only
/// when at least one proxy or network is listed, and only from those: anyone else could claim any address or scheme.
/// </summary>
internal sealed class ProxyOptions
{
    /// <summary>Addresses of trusted proxies, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a chain are read from X-Forwarded-For (the nearest first).</summary>
    public int ForwardLimit { get; set; } = 1;

    public bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}
