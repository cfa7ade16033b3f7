namespace Jsms.Features.Alerts;

internal enum AlertStatus { Open, Acknowledged, Resolved }
