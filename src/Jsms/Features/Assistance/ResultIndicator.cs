namespace Jsms.Features.Assistance;

/// <summary>
/// An IATI indicator; <see cref="Measure"/>: 1 unit, 2 percentage, 3 nominal, 4 ordinal, 5 qualitative. For AML capacity
/// building, <see cref="Reference"/> names a FATF recommendation (R.1–R.40) or immediate outcome (IO.1–IO.11) and
/// <see cref="Ratings"/> holds its rating history.
/// </summary>
internal sealed class ResultIndicator
{
    public string? Title { get; set; }
    public int? Measure { get; set; }
    public bool? Ascending { get; set; }
    public string? Reference { get; set; }
    public int? BaselineYear { get; set; }
    public decimal? BaselineValue { get; set; }
    public List<IndicatorPeriod> Periods { get; set; } = [];
    public List<IndicatorRating> Ratings { get; set; } = [];
}
