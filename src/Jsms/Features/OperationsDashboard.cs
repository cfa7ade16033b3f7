using Jsms.Features.Alerts;
using Jsms.Features.Intelligence;
using Jsms.Features.Protection;
using Jsms.Features.Tracking;
using Jsms.Platform.Access;
using Jsms.Platform.Audit;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features;

/// <summary>
/// The dashboard's operating figures, each read through <see cref="AccessPolicy.Readable{T}"/> for the caller: open alerts by
/// severity, movements under way or due today, silent trackers, and intelligence added since the caller's previous sign-in.
/// Names only (no audit): each links to its page, where reading it is audited as usual.
/// </summary>
internal sealed class OperationsDashboard
{
    internal sealed record MovementRow(Guid Id, string Name, MovementStatus Status, DateTime? DepartLatest, DateTime? ArriveLatest);
    internal sealed record SilentTracker(Guid Id, string Name, DateTime? LastPosition);
    internal sealed record NewIntelligence(string StixId, string Type, string? Name, DateTime Added);

    /// <summary>Unresolved alerts by severity, every severity present (0 when none).</summary>
    public Dictionary<AlertSeverity, int> OpenAlerts { get; private init; } = [];
    public List<MovementRow> Movements { get; private init; } = [];
    public List<SilentTracker> SilentTrackers { get; private init; } = [];
    public List<NewIntelligence> Intelligence { get; private init; } = [];
    /// <summary>The caller's sign-in before this one (null: none recorded, the intelligence of the last day is shown).</summary>
    public DateTime? PreviousSignIn { get; private init; }
    public double SilentAfterMinutes { get; private init; }

    private const int Shown = 15;

    /// <summary>STIX objects that are structure rather than intelligence a reader follows up.</summary>
    private static readonly string[] Plumbing = ["relationship", "marking-definition", "extension-definition", "identity", "language-content"];

    public static async Task<OperationsDashboard> LoadAsync(JsmsDbContext db, Caller caller, DateTime now, double silentMinutes)
    {
        var open = await db.Readable<Alert>(caller).Where(a => a.Status != AlertStatus.Resolved)
            .GroupBy(a => a.Severity).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var startOfDay = now.Date;
        var endOfDay = startOfDay.AddDays(1);
        var movements = await db.Readable<Movement>(caller).AsNoTracking()
            .Where(m => m.Status == MovementStatus.UnderWay || m.Status == MovementStatus.Overdue
                || (m.Status == MovementStatus.Planned && m.DepartEarliest < endOfDay && (m.DepartLatest == null || m.DepartLatest >= startOfDay))
                || (m.Status == MovementStatus.Arrived && m.ArriveLatest >= startOfDay && m.ArriveLatest < endOfDay))
            .OrderBy(m => m.Status).ThenBy(m => m.DepartEarliest).Take(Shown)
            .Select(m => new MovementRow(m.Id, m.Name, m.Status, m.DepartLatest, m.ArriveLatest)).ToListAsync();
        var silentSince = now.AddMinutes(-silentMinutes);
        // Trackers that reported once and then fell silent; one that never reported is not expected to yet.
        var silent = await (from d in db.Readable<Device>(caller).AsNoTracking()
                            join p in db.Set<DeviceLastPosition>() on d.Id equals p.DeviceId
                            where p.Time < silentSince
                            orderby p.Time
                            select new SilentTracker(d.Id, d.Name, p.Time)).Take(Shown).ToListAsync();
        var me = caller.UserId;
        var previous = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.UserId == me && e.Action == "login.success")
            .OrderByDescending(e => e.Sequence).Skip(1).Select(e => (DateTime?)e.Timestamp).FirstOrDefaultAsync();
        var since = previous ?? now.AddDays(-1);
        var intelligence = await db.Readable<StixObjectVersion>(caller).AsNoTracking()
            .Where(o => o.DateAdded > since && !Plumbing.Contains(o.Type))
            .OrderByDescending(o => o.DateAdded).Take(Shown)
            .Select(o => new NewIntelligence(o.StixId, o.Type, o.Name, o.DateAdded)).ToListAsync();
        return new OperationsDashboard
        {
            OpenAlerts = Enum.GetValues<AlertSeverity>().Reverse().ToDictionary(s => s, s => open.FirstOrDefault(o => o.Key == s)?.Count ?? 0),
            Movements = movements,
            SilentTrackers = silent,
            Intelligence = intelligence,
            PreviousSignIn = previous,
            SilentAfterMinutes = silentMinutes,
        };
    }
}
