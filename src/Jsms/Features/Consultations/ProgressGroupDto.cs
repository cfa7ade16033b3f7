namespace Jsms.Features.Consultations;

/// <summary>Progress of one dialogue or one sector: commitments by status, overdue count and average completion.</summary>
internal sealed record ProgressGroupDto(string Key, string Label, int Total, IReadOnlyDictionary<CommitmentStatus, int> ByStatus,
    int Overdue, double AveragePercent);
