namespace Jsms.Platform.Audit;

/// <summary>Name used when no request is in progress: "system" for the server, "cli:USER" for commands.</summary>
internal sealed class AuditActorFallback
{
    public string Name { get; set; } = "system";
}
