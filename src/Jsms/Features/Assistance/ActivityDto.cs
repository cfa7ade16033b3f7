using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Assistance;

/// <summary>An activity with its totals per transaction type (in the default currency; other currencies are left out of totals).</summary>
internal sealed record ActivityDto(Guid Id, string IatiIdentifier, string Title, string? Description, string Donor, string Implementer,
    string? ImplementerRef, string SectorCode, string? SectorName, int Status, string StatusName, DateOnly? PlannedStart, DateOnly? ActualStart,
    DateOnly? PlannedEnd, DateOnly? ActualEnd, string DefaultCurrency, IReadOnlyList<ActivityBudget> Budgets,
    IReadOnlyList<ActivityTransaction> Transactions, IReadOnlyList<ActivityCondition> Conditions, IReadOnlyList<ActivityResult> Results,
    IReadOnlyList<LinkedCommitmentDto> Commitments, decimal TotalBudget, decimal Committed, decimal Disbursed, decimal Spent,
    DateTime CreatedAt, DateTime UpdatedAt, MarkingDto Marking) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(AssistanceActivity);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);
}
