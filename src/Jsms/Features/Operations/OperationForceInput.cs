namespace Jsms.Features.Operations;

/// <summary>A participating agency by code and the forces it brings.</summary>
internal sealed record OperationForceInput(string? Agency, string? Forces);
