namespace Jsms.Features.Consultations;

/// <summary>The dashboard: overdue commitments first (most overdue on top), then progress by dialogue and by sector.</summary>
internal sealed record DashboardDto(DateOnly Today, IReadOnlyList<CommitmentDto> Overdue, IReadOnlyList<ProgressGroupDto> ByDialogue,
    IReadOnlyList<ProgressGroupDto> BySector, int PendingUrgentInbox);
