namespace Jsms.Features.Lessons;

internal enum ActionStatus { Open, InProgress, Done }
