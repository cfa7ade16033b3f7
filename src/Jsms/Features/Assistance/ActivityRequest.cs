using Jsms.Platform.Access;

namespace Jsms.Features.Assistance;

/// <summary>A whole activity as a client writes it (create, replace, or read from IATI XML).</summary>
internal sealed record ActivityRequest(string? IatiIdentifier, string? Title, string? Description, string? Implementer, string? ImplementerRef,
    string? SectorCode, int? Status, DateOnly? PlannedStart, DateOnly? ActualStart, DateOnly? PlannedEnd, DateOnly? ActualEnd,
    string? DefaultCurrency, ActivityBudget[]? Budgets, ActivityTransaction[]? Transactions, ActivityCondition[]? Conditions,
    ActivityResult[]? Results, Guid[]? CommitmentIds, MarkingInput? Marking);
