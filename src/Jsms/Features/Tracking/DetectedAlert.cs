using Jsms.Features.Alerts;

namespace Jsms.Features.Tracking;

/// <summary>
/// An alert the engine decided to raise, about a site (<see cref="Site"/>), a movement's route (<see cref="Route"/>) or a
/// deployment under a consent (<see cref="Deployment"/>).
/// <see cref="Sources"/> are the trackers and sensors (source, via) whose observations it reveals beyond its evidence (a
/// stay's whole history): the alert's inputs for the derived-record rule of the access policy.
/// </summary>
internal sealed record DetectedAlert(string Kind, AlertSeverity Severity, string Title, string Detail, string Subject, SiteZone? Site,
    DateTime At, double Latitude, double Longitude, IReadOnlyList<EvidenceItem> Evidence, RouteWatch? Route = null)
{
    public IReadOnlyCollection<(string Source, string Via)> Sources { get; init; } = [];

    public DeploymentWatch? Deployment { get; init; }
}
