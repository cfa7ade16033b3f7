using System.Security.Claims;
using Jsms.Platform.Access;

namespace Jsms.Platform.Audit;

/// <summary>The signed-in user of the current request, or the fallback outside a request.</summary>
internal sealed class HttpAuditActor(IHttpContextAccessor accessor, AuditActorFallback fallback) : IAuditActor
{
    private HttpContext? Context => accessor.HttpContext;

    private ClaimsPrincipal? User => Context?.User.Identity?.IsAuthenticated == true ? Context.User : null;

    public Guid? UserId => Guid.TryParse(User?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string Name => User?.Identity?.Name ?? (Context is null ? fallback.Name : "anonymous");

    public Guid? AgencyId => Guid.TryParse(User?.FindFirstValue(Caller.AgencyClaim), out var id) ? id : null;

    public string? RemoteAddress => Context?.Connection.RemoteIpAddress?.ToString();
}
