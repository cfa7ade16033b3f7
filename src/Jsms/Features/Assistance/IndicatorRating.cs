namespace Jsms.Features.Assistance;

/// <summary>A FATF rating on a date: technical compliance (C, LC, PC, NC) for a recommendation, effectiveness (High, Substantial, Moderate, Low) for an immediate outcome.</summary>
internal sealed class IndicatorRating
{
    public DateOnly? Date { get; set; }
    public string? Rating { get; set; }
}
