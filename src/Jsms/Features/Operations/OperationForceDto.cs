namespace Jsms.Features.Operations;

/// <summary>A participating agency (code) and its forces.</summary>
internal sealed record OperationForceDto(string Agency, string Forces);
