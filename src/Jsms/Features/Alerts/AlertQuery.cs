namespace Jsms.Features.Alerts;

internal sealed record AlertQuery(AlertStatus? Status, AlertSeverity? MinSeverity, string? Kind, int? Limit);
