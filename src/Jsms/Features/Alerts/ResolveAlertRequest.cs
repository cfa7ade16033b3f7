namespace Jsms.Features.Alerts;

internal sealed record ResolveAlertRequest(string? Note);
