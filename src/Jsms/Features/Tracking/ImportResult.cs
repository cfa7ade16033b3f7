namespace Jsms.Features.Tracking;

/// <summary>What a track import stored: points, devices, the time span, alerts raised.</summary>
internal sealed record ImportResult(int Accepted, IReadOnlyList<string> Devices, DateTime From, DateTime To, int AlertsRaised);
