namespace Jsms.Features.Training;

/// <summary>Where a certificate stands on a given date.</summary>
internal enum CurrencyState
{
    /// <summary>No certificate (not completed, failed, or the course gives none).</summary>
    None,
    Current,
    /// <summary>Valid on the date but expires within the warning window.</summary>
    Expiring,
    Expired,
}
