namespace Jsms.Features.Training;

internal sealed class ResultForm
{
    public string? Status { get; set; }
    public double? Hours { get; set; }
    public string? Grade { get; set; }
    public bool Passed { get; set; }
}
