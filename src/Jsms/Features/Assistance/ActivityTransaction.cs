namespace Jsms.Features.Assistance;

/// <summary>An IATI transaction; <see cref="Type"/> is the TransactionType code: 2 outgoing commitment, 3 disbursement, 4 expenditure.</summary>
internal sealed class ActivityTransaction
{
    public int? Type { get; set; }
    public DateOnly? Date { get; set; }
    public decimal? Value { get; set; }
    public string? Currency { get; set; }
    public DateOnly? ValueDate { get; set; }
    public string? Description { get; set; }
}
