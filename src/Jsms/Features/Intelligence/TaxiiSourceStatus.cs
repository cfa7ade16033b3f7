namespace Jsms.Features.Intelligence;

internal enum TaxiiSourceStatus
{
    /// <summary>Never pulled yet.</summary>
    New,
    Ok,
    Failed,
}
