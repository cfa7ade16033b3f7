namespace Jsms.Platform;

/// <summary>HSTS for requests that arrived over HTTPS (directly to Kestrel or at a trusted proxy).</summary>
internal sealed class HttpsOptions
{
    /// <summary>The max-age of the Strict-Transport-Security header; 0 sends none.</summary>
    public int HstsMaxAgeDays { get; set; } = 365;

    /// <summary>Adds <c>includeSubDomains</c>: only when every subdomain of the host is served over HTTPS.</summary>
    public bool HstsIncludeSubDomains { get; set; }
}
