using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Jsms.Platform.Audit;

/// <summary>Builds, chains and verifies audit entries. The hash format is specified in docs/audit-log.md.</summary>
internal static class AuditTrail
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    internal static AuditEntry NewEntry(IAuditActor actor, string action, string? recordType, Guid? recordId, string? detail) => new()
    {
        UserId = actor.UserId,
        UserName = Truncate(actor.Name, 256),
        AgencyId = actor.AgencyId,
        Action = action,
        RecordType = recordType,
        RecordId = recordId,
        Detail = detail is null ? null : Truncate(detail, 4000),
        RemoteAddress = actor.RemoteAddress,
    };

    /// <summary>
    /// Refuses a save that would change or delete an audit entry, or add one that did not come through
    /// <see cref="JsmsDbContext.Audit"/> (it would not be chained). The database triggers of the
    /// Initial migration refuse the same for SQL that bypasses the change tracker.
    /// </summary>
    internal static void GuardAppendOnly(ChangeTracker tracker)
    {
        if (tracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted or EntityState.Added))
        {
            throw new InvalidOperationException("The audit log is append-only: entries are added only through db.Audit(...) and never changed or deleted.");
        }
    }

    /// <summary>Audit entries for the creations, changes and deletions pending in the change tracker.</summary>
    internal static IEnumerable<AuditEntry> EntriesForTrackedChanges(ChangeTracker tracker, IAuditActor actor)
    {
        tracker.DetectChanges();
        var entries = new List<AuditEntry>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && EntryFor(entry.Entity, entry.State, actor, () => entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name)) is { } audit)
            {
                entries.Add(audit);
            }
        }
        return entries;
    }

    /// <summary>
    /// The audit entry for one created, changed or deleted entity, or null if its kind is not audited: IAudited
    /// records, and the release grants and named recipients that share a record. Also used by bulk inserts
    /// (<see cref="JsmsDbContext.InsertReleasableInBulkAsync{T}"/>), so both paths write the same entries.
    /// </summary>
    internal static AuditEntry? EntryFor(object entity, EntityState state, IAuditActor actor, Func<IEnumerable<string>>? modified = null)
    {
        switch (entity)
        {
            case IAudited audited:
                var action = state switch
                {
                    EntityState.Added => "create",
                    EntityState.Modified => "update",
                    _ => "delete",
                };
                // Names of changed fields only: values may be sensitive and stay in their own table.
                var detail = state == EntityState.Modified && modified is not null ? "changed: " + string.Join(", ", modified()) : null;
                return NewEntry(actor, action, entity.GetType().Name, audited.Id, detail);
            case ReleaseGrant grant when state is EntityState.Added or EntityState.Deleted:
                return NewEntry(actor, state == EntityState.Added ? "share" : "unshare", "ReleaseGrant", grant.RecordId, $"agency {grant.AgencyId}");
            case NamedRecipient recipient when state is EntityState.Added or EntityState.Deleted:
                return NewEntry(actor, state == EntityState.Added ? "share" : "unshare", "NamedRecipient", recipient.RecordId, $"user {recipient.UserId}");
            default:
                return null;
        }
    }

    internal static void Chain(IReadOnlyList<AuditEntry> entries, long lastSequence, string lastHash, DateTimeOffset now)
    {
        // Millisecond precision survives every provider unchanged, so the hash recomputes exactly.
        var timestamp = new DateTime(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        foreach (var entry in entries)
        {
            entry.Sequence = ++lastSequence;
            entry.Timestamp = timestamp;
            entry.PreviousHash = lastHash;
            entry.Hash = ComputeHash(entry);
            lastHash = entry.Hash;
        }
    }

    /// <summary>
    /// SHA-256 (lower-case hex) of the UTF-8 bytes of <see cref="CanonicalJson"/>: the JSON array of the
    /// entry's fields in a fixed order (docs/audit-log.md gives the format and an offline verifier).
    /// </summary>
    public static string ComputeHash(AuditEntry e)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson(e))));

    /// <summary>
    /// The hashed text: <c>[sequence,"timestamp",userId,userName,agencyId,action,recordType,recordId,detail,remoteAddress,previousHash]</c>
    /// with no whitespace, strings escaping only <c>"</c>, <c>\</c> and control characters, exactly as
    /// Python's <c>json.dumps(fields, separators=(",", ":"), ensure_ascii=False)</c> writes it, so any
    /// language can recompute it (System.Text.Json's default escaping of <c>+</c>, <c>&lt;</c> or non-ASCII would not).
    /// </summary>
    public static string CanonicalJson(AuditEntry e)
    {
        var text = new StringBuilder(256).Append('[').Append(e.Sequence.ToString(CultureInfo.InvariantCulture));
        string?[] fields =
        [
            FormatTimestamp(e.Timestamp),
            e.UserId?.ToString("D"),
            e.UserName,
            e.AgencyId?.ToString("D"),
            e.Action,
            e.RecordType,
            e.RecordId?.ToString("D"),
            e.Detail,
            e.RemoteAddress,
            e.PreviousHash,
        ];
        foreach (var field in fields)
        {
            text.Append(',');
            AppendJsonString(text, field);
        }
        return text.Append(']').ToString();
    }

    /// <summary>The timestamp as hashed and exported: UTC, milliseconds, e.g. <c>2026-03-10T09:00:00.000Z</c>.</summary>
    public static string FormatTimestamp(DateTime timestamp)
        => timestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void AppendJsonString(StringBuilder text, string? value)
    {
        if (value is null)
        {
            text.Append("null");
            return;
        }
        text.Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                '\b' => text.Append("\\b"),
                '\f' => text.Append("\\f"),
                < ' ' => text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }
        text.Append('"');
    }

    /// <summary>
    /// Walks the whole chain in sequence order, in batches, and names the first entry that does not
    /// hold: a gap in the sequence, a previous-hash that does not link, or a hash that does not match.
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(JsmsDbContext db, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        const int batchSize = 2000;
        long expectedSequence = 1;
        var previousHash = GenesisHash;
        long checkedCount = 0;
        while (true)
        {
            var from = expectedSequence - 1;
            var batch = await db.Set<AuditEntry>().AsNoTracking()
                .Where(e => e.Sequence > from)
                .OrderBy(e => e.Sequence)
                .Take(batchSize)
                .ToListAsync(cancellationToken);
            foreach (var entry in batch)
            {
                string? problem = null;
                if (entry.Sequence != expectedSequence)
                {
                    problem = $"entry {expectedSequence} is missing (next is {entry.Sequence})";
                }
                else if (entry.PreviousHash != previousHash)
                {
                    problem = $"entry {entry.Sequence} does not link to the entry before it";
                }
                else if (ComputeHash(entry) != entry.Hash)
                {
                    problem = $"entry {entry.Sequence} was altered: its content does not match its hash";
                }
                if (problem is not null)
                {
                    return new AuditVerification(false, checkedCount, Math.Min(entry.Sequence, expectedSequence), problem);
                }
                previousHash = entry.Hash;
                expectedSequence++;
                checkedCount++;
            }
            progress?.Report(checkedCount);
            if (batch.Count < batchSize)
            {
                return new AuditVerification(true, checkedCount, null, null);
            }
        }
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
