namespace Jsms.Features.Protection;

/// <summary>One look at a movement, from the audit log.</summary>
internal sealed record MovementAccessDto(long Sequence, DateTime Timestamp, string UserName, string? Agency, string Action, string? Detail, string? RemoteAddress);
