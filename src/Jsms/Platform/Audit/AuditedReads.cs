using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Jsms.Platform.Access;
using Jsms.Platform.Database;

namespace Jsms.Platform.Audit;

/// <summary>
/// The one mechanism that audits reads (docs/audit-log.md, "Reads"). It looks at what is about to be shown, an API
/// answer (<see cref="AuditedReadsEndpointFilter"/>) or a page's model (<see cref="AuditedReadsPageFilter"/>), finds every
/// record in it (<see cref="IAuditedRead"/> DTOs, and releasable entities a page holds directly) however deeply nested, and
/// writes one entry per sensitive record, all in one save, before the answer leaves. So an endpoint or page that shows a
/// record is audited by showing it, with no call of its own to forget.
/// </summary>
internal static class AuditedReads
{
    private const int MaxDepth = 8;

    private static readonly Assembly Jsms = typeof(AuditedReads).Assembly;

    /// <summary>Per type: whether a value of it can hold a record, so answers without any (positions, counts) are skipped at once.</summary>
    private static readonly ConcurrentDictionary<Type, bool> MayHoldCache = new();

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> MembersCache = new();

    /// <summary>One shown record.</summary>
    /// <param name="Listed">Shown as an item of a list (action <c>list</c>), not as a record or part of one (<c>read</c>).</param>
    internal readonly record struct Shown(Guid Id, string RecordType, Tlp Tlp, string? Discloses, bool Listed);

    /// <summary>
    /// Audits the sensitive records in <paramref name="shown"/>: action <c>list</c> for an item of a list, <c>read</c> for a
    /// record shown alone or as part of another (a dialogue's meetings); the detail is what the record discloses (<see cref="IAuditedRead.Discloses"/>) or
    /// <paramref name="detail"/>. A record this request already audited (created, changed, read by its own rule) is not
    /// audited twice. Returns the number of entries written.
    /// </summary>
    public static async Task<int> RecordAsync(JsmsDbContext db, object? shown, string? detail, CancellationToken cancellationToken = default)
    {
        if (shown is null || !MayHold(shown.GetType()))
        {
            return 0;
        }
        var records = Find(shown);
        if (records.Count == 0)
        {
            return 0;
        }
        var done = db.ChangeTracker.Entries<AuditEntry>().Select(e => e.Entity.RecordId).OfType<Guid>().ToHashSet();
        var written = 0;
        foreach (var record in records)
        {
            if ((record.Discloses is not null || AccessPolicy.IsSensitive(record.Tlp)) && done.Add(record.Id))
            {
                db.Audit(record.Listed ? "list" : "read", record.RecordType, record.Id, record.Discloses ?? detail);
                written++;
            }
        }
        if (written > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        return written;
    }

    /// <summary>The records in a value, nested at any depth in DTOs, collections and dictionaries.</summary>
    public static List<Shown> Find(object? value)
    {
        var records = new List<Shown>();
        if (value is not null && MayHold(value.GetType()))
        {
            Collect(value, records, 0, listed: false, inRecord: false);
        }
        return records;
    }

    private static void Collect(object value, List<Shown> records, int depth, bool listed, bool inRecord)
    {
        if (depth > MaxDepth)
        {
            return;
        }
        switch (value)
        {
            case IAuditedRead read:
                records.Add(new Shown(read.Id, read.RecordType, read.Tlp, read.Discloses, listed));
                inRecord = true;
                break;
            case IReleasable entity:
                records.Add(new Shown(entity.Id, entity.GetType().Name, entity.Tlp, null, listed));
                inRecord = true;
                break;
        }
        if (value is IEnumerable items and not string)
        {
            foreach (var item in items)
            {
                if (item is not null && MayHold(item.GetType()))
                {
                    // Items of a list are listed; the parts of one record (a dialogue's meetings) are read with it.
                    Collect(item, records, depth + 1, listed: !inRecord, inRecord);
                }
            }
            return;
        }
        foreach (var member in Members(value.GetType()).Where(p => MayHold(p.PropertyType)))
        {
            if (member.GetValue(value) is { } inner && MayHold(inner.GetType()))
            {
                Collect(inner, records, depth + 1, listed && !inRecord, inRecord);
            }
        }
    }

    /// <summary>Whether a value of this type can hold a record: is one, holds one in a member, or is a collection of such.</summary>
    public static bool MayHold(Type type) => MayHoldCache.TryGetValue(type, out var known) ? known : MayHold(type, []);

    private static bool MayHold(Type type, HashSet<Type> visiting)
    {
        if (MayHoldCache.TryGetValue(type, out var known))
        {
            return known;
        }
        bool result;
        if (typeof(IAuditedRead).IsAssignableFrom(type) || typeof(IReleasable).IsAssignableFrom(type))
        {
            result = true;
        }
        else if (type == typeof(string) || type.IsPrimitive || type.IsEnum || type == typeof(object))
        {
            // A member declared as object is not followed: JSMS answers and page models declare what they hold.
            result = false;
        }
        else if (!visiting.Add(type))
        {
            return false; // a cycle: the outer call decides, and nothing is cached from here
        }
        else
        {
            var element = ElementType(type);
            result = element is not null
                ? MayHold(element, visiting)
                : (type.Assembly == Jsms || IsKeyValuePair(type)) && Members(type).Any(p => MayHold(p.PropertyType, visiting));
            visiting.Remove(type);
        }
        MayHoldCache[type] = result;
        return result;
    }

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }
        if (type.IsArray)
        {
            return type.GetElementType();
        }
        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    private static bool IsKeyValuePair(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>);

    /// <summary>Public readable properties declared by JSMS types (a page model's, not those of its ASP.NET Core base).</summary>
    private static PropertyInfo[] Members(Type type) => MembersCache.GetOrAdd(type, t => [.. t
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true }
            && (p.DeclaringType?.Assembly == Jsms || IsKeyValuePair(t)))]);
}
