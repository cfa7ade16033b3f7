namespace Jsms.Features.Tracking;

/// <summary>The <c>Jsms:Tracking</c> configuration section.</summary>
internal sealed class TrackingOptions
{
    public const string Section = "Jsms:Tracking";

    /// <summary>Longest gap between observations of a subject that still counts as the same stay in a watch zone.</summary>
    public double MaxGapMinutes { get; set; } = 10;

    /// <summary>How often the timer advances the engine to the clock (loitering fires even without a new report).</summary>
    public double TickSeconds { get; set; } = 5;

    /// <summary>Raise Info alerts when a subject enters or leaves a site's watch zone.</summary>
    public bool ZoneTransitionAlerts { get; set; } = true;

    /// <summary>A subject in a watch zone has left it only when observed this far beyond the watch distance (hysteresis).</summary>
    public double LeaveMarginMetres { get; set; } = 30;

    /// <summary>Consecutive positions outside a movement's corridor before <c>route.deviation</c> (hysteresis).</summary>
    public int DeviationFixes { get; set; } = 3;

    /// <summary>A tracker of a movement under way that sends nothing for this long raises <c>tracker.silent</c>.</summary>
    public double SilentTrackerMinutes { get; set; } = 15;

    /// <summary>Observations stamped further than this ahead of the server clock are refused as malformed.</summary>
    public double MaxFutureMinutes { get; set; } = 10;

    /// <summary>
    /// SQLite <c>synchronous</c> of the ingest writer: FULL (default) syncs the WAL at each commit, so an acknowledged
    /// observation survives power loss; NORMAL survives a crash of the process only (docs/decisions/0007).
    /// </summary>
    public string SqliteSynchronous { get; set; } = "FULL";

    /// <summary>
    /// Most observations stored in one transaction by the group commit: larger groups spend less per commit, smaller ones
    /// hold the database's write lock (which alert saves wait for) for less time.
    /// </summary>
    public int MaxGroupRows { get; set; } = 20_000;
}
