namespace Jsms.Features.Alerts;

internal sealed record AlertCommentDto(Guid Id, string Author, string Text, DateTime At);
