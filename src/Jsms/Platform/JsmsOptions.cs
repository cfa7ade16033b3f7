namespace Jsms.Platform;

/// <summary>The <c>Jsms</c> configuration section (see README, "Configuration").</summary>
internal sealed class JsmsOptions
{
    public const string Section = "Jsms";

    /// <summary>Folder for the embedded database and other local files; relative to the working directory.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary><c>sqlite</c> (embedded default) or <c>postgres</c> (uses <c>ConnectionStrings:Jsms</c>).</summary>
    public string Database { get; set; } = "sqlite";

    /// <summary>Seed the demo scenario when the database holds no agencies.</summary>
    public bool Demo { get; set; }

    /// <summary>Apply pending migrations at start-up even on a database that is not empty.</summary>
    public bool MigrateOnStart { get; set; }

    public int TokenLifetimeMinutes { get; set; } = 60;

    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    public UrgentChannelOptions UrgentChannel { get; set; } = new();

    /// <summary><c>Jsms:Proxy</c>: the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (none by default).</summary>
    public ProxyOptions Proxy { get; set; } = new();

    /// <summary><c>Jsms:Https</c>: HSTS for requests that came over HTTPS.</summary>
    public HttpsOptions Https { get; set; } = new();

    /// <summary><c>Jsms:DataProtection</c>: where the data-protection keys live and what encrypts them at rest.</summary>
    public KeyProtectionOptions DataProtection { get; set; } = new();

    public bool UsesPostgres => string.Equals(Database, "postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Database, "postgresql", StringComparison.OrdinalIgnoreCase);

    public string SqlitePath => Path.GetFullPath(Path.Combine(DataDirectory, "jsms.db"));
}
