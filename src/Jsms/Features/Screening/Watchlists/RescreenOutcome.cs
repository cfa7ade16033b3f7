namespace Jsms.Features.Screening.Watchlists;

/// <summary>What a rescreen did: subjects and names screened, matches found, and the alerts raised (new, stronger, reopened).</summary>
internal sealed record RescreenOutcome(int Subjects, int Names, int Matches, int New, int Stronger, int Reopened, int Alerts, double Seconds)
{
    public static RescreenOutcome None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);
}
