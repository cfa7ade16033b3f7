namespace Jsms.Features.Exercises;

internal sealed class PhaseForm
{
    public string? To { get; set; }
    public string? DecidedOn { get; set; }
    public string? Note { get; set; }
    public string? DocumentName { get; set; }
    public string? DocumentUrl { get; set; }
    public string? DocumentText { get; set; }
}
