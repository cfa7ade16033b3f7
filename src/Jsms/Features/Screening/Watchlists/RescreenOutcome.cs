namespace Jsms.Features.Screening.Watchlists;

/// <summary>
/// What a rescreen did: subjects and names screened, matches found, the alerts raised (new, stronger, reopened, changed
/// entries of confirmed matches, delisted entries of confirmed matches), and the matches closed because their entry was delisted.
/// </summary>
internal sealed record RescreenOutcome(int Subjects, int Names, int Matches, int New, int Stronger, int Reopened, int Alerts, double Seconds)
{
    public static RescreenOutcome None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    public int Closed { get; init; }
}
