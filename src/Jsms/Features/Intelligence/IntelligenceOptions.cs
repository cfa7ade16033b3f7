namespace Jsms.Features.Intelligence;

/// <summary>The <c>Jsms:Intelligence</c> configuration section.</summary>
internal sealed class IntelligenceOptions
{
    public const string Section = "Jsms:Intelligence";

    /// <summary>TAXII max_content_length: the largest POST body, in bytes.</summary>
    public long MaxContentLength { get; set; } = 10 * 1024 * 1024;

    /// <summary>The largest bundle file the import API takes, in bytes.</summary>
    public long MaxImportBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>The most objects in one TAXII page.</summary>
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>How often the TAXII pull schedule looks for sources that are due, in seconds.</summary>
    public int PullCheckSeconds { get; set; } = 30;

    /// <summary>The most pages one pull fetches (the rest follows at the next pull, from the saved mark).</summary>
    public int MaxPullPages { get; set; } = 1000;

    /// <summary>The largest page a pull takes from a remote TAXII server, in bytes (a longer one fails the pull, naming it).</summary>
    public long MaxPullPageBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Timeout of one request to a remote TAXII server, in seconds.</summary>
    public int PullTimeoutSeconds { get; set; } = 30;

    /// <summary>How often the monitor looks for overdue requests for information, in seconds.</summary>
    public int RfiCheckSeconds { get; set; } = 60;

    /// <summary>How often the TAXII push schedule looks for destinations that are due, in seconds.</summary>
    public int PushCheckSeconds { get; set; } = 30;
}
