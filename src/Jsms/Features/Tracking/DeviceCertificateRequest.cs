namespace Jsms.Features.Tracking;

/// <summary>Binds a device to a client certificate by its SHA-256 thumbprint (64 hex digits, separators allowed).</summary>
internal sealed record DeviceCertificateRequest(string? Thumbprint);
