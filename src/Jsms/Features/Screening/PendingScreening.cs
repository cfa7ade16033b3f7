using Jsms.Platform.Audit;

namespace Jsms.Features.Screening;

/// <summary>A screening waiting for <see cref="ScreeningWriter"/>: the record, who screened (as the audit log names them) and the audit detail.</summary>
internal sealed record PendingScreening(ScreeningRecord Record, AuditActor Actor, string Detail)
{
    /// <summary>Completed when the record and its audit entry are committed (or failed with the reason they were not).</summary>
    public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The code of the record's owner agency, read by the writer with the group (null until stored, or if unknown).</summary>
    public string? OwnerCode { get; set; }
}
