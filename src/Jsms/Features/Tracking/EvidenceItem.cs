using Jsms.Features.Alerts;

namespace Jsms.Features.Tracking;

/// <summary>One item of an alert's evidence (stored as JSON in <see cref="Alert.Evidence"/>).</summary>
internal sealed record EvidenceItem(string Source, long Id, DateTime Time, double Latitude, double Longitude, string Via);
