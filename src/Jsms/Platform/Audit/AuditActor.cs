namespace Jsms.Platform.Audit;

internal sealed record AuditActor(Guid? UserId, string Name, Guid? AgencyId, string? RemoteAddress) : IAuditActor
{
    public static AuditActor System { get; } = new(null, "system", null, null);
}
