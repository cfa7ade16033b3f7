namespace Jsms.Features.Alerts;

/// <summary>The menu's figures: open alerts the caller may read, and urgent messages waiting for the caller's agency to acknowledge.</summary>
internal sealed record AlertCountsDto(int OpenAlerts, int OpenHighAlerts, int UnacknowledgedUrgent);
