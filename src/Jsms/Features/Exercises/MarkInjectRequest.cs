namespace Jsms.Features.Exercises;

internal sealed record MarkInjectRequest(DateTime? DeliveredAt, string? ObservedAction, string? Assessment);
