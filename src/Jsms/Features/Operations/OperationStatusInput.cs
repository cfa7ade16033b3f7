namespace Jsms.Features.Operations;

/// <summary>A status change (<c>Approved</c>, <c>UnderWay</c>, <c>Completed</c>, <c>Cancelled</c>) with an optional note for the timeline.</summary>
internal sealed record OperationStatusInput(string? Status, string? Note);
