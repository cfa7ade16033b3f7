namespace Jsms.Features.Alerts;

internal sealed record AssignAlertRequest(Guid? UserId);
