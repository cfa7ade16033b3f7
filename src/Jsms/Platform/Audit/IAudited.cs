namespace Jsms.Platform.Audit;

/// <summary>Entities whose creation, change and deletion the audit log records automatically.</summary>
internal interface IAudited
{
    Guid Id { get; }
}
