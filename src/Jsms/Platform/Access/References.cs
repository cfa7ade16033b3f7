using System.Linq.Expressions;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Platform.Access;

/// <summary>
/// The write-time rule for fields that name other records (docs/access-policy.md, "References"): a request may name
/// only records the caller may read (<see cref="AccessPolicy.Readable{T}"/>). A name that matches nothing readable,
/// whether it exists elsewhere or nowhere, is reported under the field and position that gave it (<c>vehicles[1]</c>),
/// so the caller learns nothing about records they may not see, and the write is refused as a whole (404).
/// </summary>
internal static class References
{
    /// <summary>
    /// The positions of <paramref name="ids"/> (as <c>field[i]</c>) that name no record of <typeparamref name="T"/> the
    /// caller may read. Empty when every one is readable.
    /// </summary>
    public static Task<List<string>> MissingAsync<T>(this JsmsDbContext db, Caller caller, string field, IReadOnlyList<Guid> ids,
        CancellationToken cancellationToken = default) where T : class, IReleasable
        => db.MissingAsync<T, Guid>(caller, field, r => r.Id, ids, cancellationToken: cancellationToken);

    /// <summary>
    /// Like <see cref="MissingAsync{T}(JsmsDbContext, Caller, string, IReadOnlyList{Guid}, CancellationToken)"/> for
    /// records named by another key (a tracker's unique id, a STIX id): the positions whose value matches the
    /// <paramref name="key"/> of no record the caller may read. Values <paramref name="names"/> rejects (e.g. blank
    /// entries a form leaves) name nothing and are skipped.
    /// </summary>
    public static async Task<List<string>> MissingAsync<T, TKey>(this JsmsDbContext db, Caller caller, string field,
        Expression<Func<T, TKey>> key, IReadOnlyList<TKey> values, Func<TKey, bool>? names = null, CancellationToken cancellationToken = default)
        where T : class, IReleasable where TKey : notnull
    {
        var wanted = values.Where(v => names is null || names(v)).Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }
        // The list reaches the query through a closure, so EF Core sends it as one parameter rather than inlining it.
        Expression<Func<List<TKey>>> list = () => wanted;
        var named = Expression.Lambda<Func<T, bool>>(
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(TKey)], list.Body, key.Body), key.Parameters);
        var found = (await db.Readable<T>(caller).AsNoTracking().Where(named).Select(key).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var missing = new List<string>();
        for (var i = 0; i < values.Count; i++)
        {
            if ((names is null || names(values[i])) && !found.Contains(values[i]))
            {
                missing.Add($"{field}[{i}]");
            }
        }
        return missing;
    }

    /// <summary>The field's name when the one record it names (if any) is not one the caller may read; else nothing.</summary>
    public static async Task<List<string>> MissingAsync<T>(this JsmsDbContext db, Caller caller, string field, Guid? id,
        CancellationToken cancellationToken = default) where T : class, IReleasable
    {
        if (id is not { } value)
        {
            return [];
        }
        var readable = await db.Readable<T>(caller).AsNoTracking().AnyAsync(r => r.Id == value, cancellationToken);
        return readable ? [] : [field];
    }

    /// <summary>Refuses the request (404 naming each field, <see cref="UnreadableReferenceException"/>) when any reference is missing.</summary>
    public static void Ensure(IEnumerable<string> missing)
    {
        var fields = missing.ToList();
        if (fields.Count > 0)
        {
            throw new UnreadableReferenceException(fields);
        }
    }
}
