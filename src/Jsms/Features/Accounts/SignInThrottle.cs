using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jsms.Features.Accounts;

/// <summary>
/// Slows password guessing without letting a stranger lock anyone out (docs/security.md, "Accounts and sign-in"):
/// an address waits after repeated failures at one account name, or at many; attempts at an account under attack
/// from many addresses are spaced out, doubling per failure, except from addresses the account signed in from before.
/// Every limit is keyed by the name as typed, so a name that exists and one that does not are throttled alike. The
/// counts live in the database (<see cref="SignInAttempt"/>), shared by every process on it; a refused attempt is
/// answered at once with the time to wait (429 and Retry-After), it never sleeps.
/// </summary>
internal sealed class SignInThrottle(JsmsDbContext db, TimeProvider clock, IOptions<SignInLimits> options)
{
    private static readonly TimeSpan AccountWindow = TimeSpan.FromHours(1);
    private static readonly TimeSpan FailureRetention = TimeSpan.FromDays(1);

    /// <summary>How long this address must wait before trying this account name again; null when it may try now.</summary>
    public async Task<TimeSpan?> RetryAfterAsync(string account, string address, CancellationToken cancellationToken = default)
    {
        var limits = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var window = TimeSpan.FromMinutes(Math.Max(1, limits.WindowMinutes));
        var failures = db.Set<SignInAttempt>().AsNoTracking().Where(a => !a.Succeeded);
        return await WaitAsync(failures.Where(a => a.Account == account && a.Address == address), limits.FailuresPerAddressAndAccount, window, now, cancellationToken)
               ?? await WaitAsync(failures.Where(a => a.Address == address), limits.FailuresPerAddress, window, now, cancellationToken)
               ?? await AccountWaitAsync(account, address, limits, now, cancellationToken);
    }

    /// <summary>Counts a failure (saved with the caller's next SaveChanges, together with the audit entry).</summary>
    public async Task RecordFailureAsync(string account, string address, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = now - FailureRetention;
        await db.Set<SignInAttempt>().Where(a => !a.Succeeded && a.At < expired).ExecuteDeleteAsync(cancellationToken);
        db.Set<SignInAttempt>().Add(new SignInAttempt { Account = account, Address = address, At = now });
    }

    /// <summary>Forgets this address's failures at this account and remembers the address as one the account signs in from.</summary>
    public async Task RecordSuccessAsync(string account, string address, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // A success row is refreshed once a day, so a client that signs in on every request (TAXII Basic) writes rarely.
        var stale = now - TimeSpan.FromDays(1);
        var attempts = db.Set<SignInAttempt>();
        await attempts.Where(a => a.Account == account && a.Address == address && (!a.Succeeded || a.At < stale)).ExecuteDeleteAsync(cancellationToken);
        if (!await attempts.AnyAsync(a => a.Succeeded && a.Account == account && a.Address == address, cancellationToken))
        {
            var forgotten = now - TimeSpan.FromDays(Math.Max(1, options.Value.KnownAddressDays));
            await attempts.Where(a => a.Succeeded && a.At < forgotten).ExecuteDeleteAsync(cancellationToken);
            attempts.Add(new SignInAttempt { Account = account, Address = address, At = now, Succeeded = true });
        }
    }

    /// <summary>While the limit-th most recent failure is inside the window, the caller waits until it leaves it.</summary>
    private static async Task<TimeSpan?> WaitAsync(IQueryable<SignInAttempt> failures, int limit, TimeSpan window, DateTime now, CancellationToken cancellationToken)
    {
        if (limit < 1)
        {
            return null;
        }
        var since = now - window;
        var nth = await failures.Where(a => a.At > since).OrderByDescending(a => a.At).Skip(limit - 1)
            .Select(a => (DateTime?)a.At).FirstOrDefaultAsync(cancellationToken);
        return nth is { } at && at + window > now ? at + window - now : null;
    }

    /// <summary>
    /// Past the free failures of the last hour, an attempt from an unfamiliar address must come at least 2^(n - free)
    /// seconds (at most the configured maximum) after the latest failure. The account's own familiar addresses are
    /// exempt, so an attack spread over many addresses delays guessing but never keeps the user out.
    /// </summary>
    private async Task<TimeSpan?> AccountWaitAsync(string account, string address, SignInLimits limits, DateTime now, CancellationToken cancellationToken)
    {
        if (limits.FreeFailuresPerAccount < 1)
        {
            return null;
        }
        var since = now - AccountWindow;
        var recent = db.Set<SignInAttempt>().AsNoTracking().Where(a => !a.Succeeded && a.Account == account && a.At > since);
        var count = await recent.CountAsync(cancellationToken);
        if (count < limits.FreeFailuresPerAccount)
        {
            return null;
        }
        var familiarSince = now - TimeSpan.FromDays(Math.Max(1, limits.KnownAddressDays));
        if (await db.Set<SignInAttempt>().AnyAsync(a => a.Succeeded && a.Account == account && a.Address == address && a.At > familiarSince, cancellationToken))
        {
            return null;
        }
        var last = await recent.MaxAsync(a => a.At, cancellationToken);
        var seconds = Math.Min(Math.Pow(2, Math.Min(30, count - limits.FreeFailuresPerAccount)), Math.Max(1, limits.MaxAccountDelaySeconds));
        var until = last + TimeSpan.FromSeconds(seconds);
        return until > now ? until - now : null;
    }
}
