namespace Jsms.Features.Exercises;

internal sealed class NewInjectForm
{
    public DateTime? PlannedAt { get; set; }
    public string? Sender { get; set; }
    public string? Receiver { get; set; }
    public string? Method { get; set; }
    public string? Content { get; set; }
    public string? ExpectedAction { get; set; }
    public string? ObjectiveCode { get; set; }
}
