namespace Jsms.Features.Alerts;

internal enum AlertSeverity { Info, Low, Medium, High, Critical }
