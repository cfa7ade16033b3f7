using Jsms.Platform.Background;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Operations;

/// <summary>
/// What the clock does to consents: an Active consent past its effective end is stored as Expired (audited; reads already
/// show it so, <see cref="ConsentsService.StatusAt"/>), and a request whose decision deadline passed while it awaited
/// decisions is closed (<see cref="ConsentDecisions.CloseOverdueAsync"/>). Runs every minute on the injected clock.
/// </summary>
internal sealed class ConsentClock(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ConsentClock> logger) : PeriodicCheck(clock, logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override string Subject => "consent expiry and decision deadlines";

    protected override Task<int> CheckAsync(CancellationToken cancellationToken) => RunAsync(cancellationToken);

    /// <summary>One pass; returns how many consents expired and requests closed.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<JsmsDbContext>();
            var now = Clock.GetUtcNow().UtcDateTime;
            var expired = await db.Set<Consent>().Where(c => c.Status == ConsentStatus.Active && c.EffectiveEnd <= now).Take(200).ToListAsync(cancellationToken);
            foreach (var consent in expired)
            {
                consent.Status = ConsentStatus.Expired;
                consent.StatusReason = "The consented period ended.";
                consent.StatusChangedAt = now;
                consent.Version++;
            }
            await db.SaveChangesAsync(cancellationToken);
            return expired.Count + await ConsentDecisions.CloseOverdueAsync(db, now, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }
}
