namespace Jsms.Platform.Audit;

/// <summary>Who the audit log names for the current unit of work.</summary>
internal interface IAuditActor
{
    Guid? UserId { get; }
    string Name { get; }
    Guid? AgencyId { get; }
    string? RemoteAddress { get; }
}
