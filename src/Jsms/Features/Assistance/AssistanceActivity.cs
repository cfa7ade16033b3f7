using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Assistance;

/// <summary>
/// An assistance project shaped as an IATI activity. The donor (IATI reporting-org) is the owner agency; the implementer
/// is a participating organisation (role 4). Budgets, transactions, conditions and results are stored with it as JSON.
/// </summary>
internal sealed class AssistanceActivity : IReleasable, IAudited
{
    public Guid Id { get; set; }
    public string IatiIdentifier { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string Implementer { get; set; } = "";
    public string? ImplementerRef { get; set; }
    /// <summary>OECD DAC 5-digit purpose code (e.g. 15113 anti-corruption, 15130 legal and judicial development, 15210 security system management).</summary>
    public string SectorCode { get; set; } = "";
    /// <summary>IATI ActivityStatus: 1 pipeline, 2 implementation, 3 finalisation, 4 closed, 5 cancelled, 6 suspended.</summary>
    public int Status { get; set; }
    public DateOnly? PlannedStart { get; set; }
    public DateOnly? ActualStart { get; set; }
    public DateOnly? PlannedEnd { get; set; }
    public DateOnly? ActualEnd { get; set; }
    public string DefaultCurrency { get; set; } = "USD";
    public ActivityBudgets Budgets { get; set; } = [];
    public ActivityTransactions Transactions { get; set; } = [];
    public ActivityConditions Conditions { get; set; } = [];
    public ActivityResults Results { get; set; } = [];
    public ActivityCommitments CommitmentIds { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public Guid OwnerAgencyId { get; set; }
    public Tlp Tlp { get; set; }
    public Guid CreatedByUserId { get; set; }
}
