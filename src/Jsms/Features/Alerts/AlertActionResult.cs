namespace Jsms.Features.Alerts;

/// <summary>The outcome of acting on an alert: the alert as the caller now reads it, or forbidden (readable, not the caller's to act on), or neither (not found).</summary>
internal sealed record AlertActionResult(AlertDto? Alert, bool Forbidden);
