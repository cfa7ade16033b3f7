namespace Jsms.Features.Tracking;

/// <summary>The secret just set, shown this once to the owner agency (only its hash is kept).</summary>
internal sealed record DeviceSecretDto(string Secret);
