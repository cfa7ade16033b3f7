namespace Jsms.Features.Training;

internal sealed class TrainingOptions
{
    public const string Section = "Jsms:Training";

    /// <summary>How far ahead an expiring certificate is warned of (listed as Expiring, alerted once).</summary>
    public int ExpiryWarningDays { get; set; } = 60;

    public int CheckSeconds { get; set; } = 3600;
}
