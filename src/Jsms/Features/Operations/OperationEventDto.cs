namespace Jsms.Features.Operations;

/// <summary>A step of an operation's timeline and who took it.</summary>
internal sealed record OperationEventDto(DateTime At, string Kind, string Text, string User);
