using Jsms.Platform.Access;

namespace Jsms.Features.Alerts;

/// <summary>A record an alert was derived from and reveals (its site, tracker, sensor, movement, message...), and what kind it is.</summary>
internal sealed record AlertInput(IReleasable Record, string Kind);
