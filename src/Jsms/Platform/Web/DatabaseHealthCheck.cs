using Jsms.Platform.Database;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Jsms.Platform.Web;

internal sealed class DatabaseHealthCheck(JsmsDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        => await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("database reachable")
            : HealthCheckResult.Unhealthy("database unreachable");
}
