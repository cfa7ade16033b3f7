namespace Jsms.Features.Screening.Watchlists;

/// <summary>
/// Queued by an import; Coalesced when a newer queued run covered it (one rescreen against the newest lists is enough);
/// Running; then Succeeded or Failed (with the reason).
/// </summary>
internal enum RescreenRunStatus { Queued, Coalesced, Running, Succeeded, Failed }
