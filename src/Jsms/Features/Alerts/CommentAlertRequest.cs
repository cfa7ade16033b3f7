namespace Jsms.Features.Alerts;

internal sealed record CommentAlertRequest(string? Text);
