namespace Jsms.Features.Tracking;

internal sealed record IngestResult(int Accepted, IReadOnlyList<RefusedItem> Refused, int AlertsRaised);
