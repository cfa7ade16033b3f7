namespace Jsms.Features.Incidents;

/// <summary>Merges <see cref="OtherId"/> (a second report of the same attack) into the incident addressed; <see cref="ExpectedVersion"/> as in an update.</summary>
internal sealed record MergeRequest(Guid? OtherId, int? ExpectedVersion);
