using System.Text.RegularExpressions;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Screening.Lists;

/// <summary>The agency's national lists: finding one by id or name, creating one, and carrying over the single list of before.</summary>
internal static partial class NationalLists
{
    public const int MaxNameLength = 200;

    public static Task<List<NationalList>> AllAsync(JsmsDbContext db, CancellationToken cancellationToken = default)
        => db.Set<NationalList>().AsNoTracking().OrderBy(l => l.Code).ToListAsync(cancellationToken);

    /// <summary>
    /// The list named <paramref name="name"/>, created (with the next code) when there is none; names compare without case.
    /// A concurrent creation of the same name fails on the unique index and is then read back.
    /// </summary>
    public static async Task<NationalList> FindOrCreateAsync(JsmsDbContext db, string name, string user, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var lists = await AllAsync(db, cancellationToken);
        if (lists.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase)) is { } found)
        {
            return found;
        }
        var list = new NationalList
        {
            Id = Guid.CreateVersion7(),
            Code = lists.Count == 0 ? 1 : lists.Max(l => l.Code) + 1,
            Name = name,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = user.Length > 256 ? user[..256] : user,
        };
        db.Add(list);
        db.Audit("create", nameof(NationalList), list.Id, $"national list \"{name}\" (code {list.Code})");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return (await AllAsync(db, cancellationToken)).First(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));
        }
        db.Entry(list).State = EntityState.Detached;
        return list;
    }

    /// <summary>
    /// Versions stored when there was one national list (no list named on them) become versions of list 1, named as their
    /// newest import named it ("file.csv (Fourth Schedule)"). Their entries keep their ids: list 1 has no prefix.
    /// </summary>
    public static async Task CarryOverAsync(JsmsDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var orphans = await db.Set<ScreeningListVersion>().Where(v => v.Source == ListSource.National && v.NationalListId == null).ToListAsync(cancellationToken);
        if (orphans.Count == 0)
        {
            return;
        }
        var newest = orphans.MaxBy(v => v.Number)!;
        var name = NameInFileNames().Match(newest.FileNames) is { Success: true } m ? m.Groups[1].Value.Trim() : "National list";
        var list = await db.Set<NationalList>().FirstOrDefaultAsync(l => l.Code == 1, cancellationToken);
        if (list is null)
        {
            list = new NationalList
            {
                Id = Guid.CreateVersion7(),
                Code = 1,
                Name = name.Length > MaxNameLength ? name[..MaxNameLength] : name,
                CreatedAt = newest.ImportedAt,
                CreatedBy = newest.ImportedBy,
            };
            db.Add(list);
        }
        foreach (var version in orphans)
        {
            version.NationalListId = list.Id;
        }
        db.Audit("update", nameof(NationalList), list.Id, $"{orphans.Count} national list versions of before carried over to \"{list.Name}\" at {clock.GetUtcNow():u}");
        await db.SaveChangesAsync(cancellationToken);
    }

    [GeneratedRegex(@"\(([^()]+)\)\s*$")]
    private static partial Regex NameInFileNames();
}
