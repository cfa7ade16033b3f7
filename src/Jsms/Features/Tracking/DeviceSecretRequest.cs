namespace Jsms.Features.Tracking;

/// <summary>Sets a device's OsmAnd secret: the given one (at least 16 characters), or one the server makes when absent.</summary>
internal sealed record DeviceSecretRequest(string? Secret);
