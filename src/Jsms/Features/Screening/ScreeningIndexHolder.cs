using Jsms.Features.Screening.Lists;
using Jsms.Features.Screening.Matching;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Screening;

/// <summary>Holds the current index (an immutable snapshot, swapped atomically after an import).</summary>
internal sealed class ScreeningIndexHolder : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile ScreeningIndex? _current;

    internal ScreeningIndex Current => _current ?? ScreeningIndex.Empty;

    public void Dispose() => _lock.Dispose();

    internal async Task<ScreeningIndex> GetAsync(JsmsDbContext db, CancellationToken cancellationToken = default)
    {
        if (_current is { } current)
        {
            return current;
        }
        await ReloadAsync(db, cancellationToken);
        return Current;
    }

    /// <summary>Builds the index from the newest version of each list.</summary>
    public async Task ReloadAsync(JsmsDbContext db, CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var versions = await db.Set<ScreeningListVersion>().AsNoTracking()
                .Select(v => new { v.Source, v.NationalListId, v.Id, v.Number, v.ImportedAt }).ToListAsync(cancellationToken);
            // The newest version of each list: UN, OFAC, and each national list.
            var currentIds = versions.GroupBy(v => (v.Source, v.NationalListId)).Select(g => g.MaxBy(v => v.Number)!)
                .OrderBy(v => v.Source).ThenBy(v => v.ImportedAt).ThenBy(v => v.Id).ToList();
            var ids = currentIds.Select(c => c.Id).ToList();
            var sources = currentIds.ToDictionary(c => c.Id, c => c.Source);
            var rows = await db.Set<ScreeningListEntry>().AsNoTracking().Where(e => ids.Contains(e.VersionId))
                .Select(e => new { e.VersionId, e.Data }).ToListAsync(cancellationToken);
            var entries = rows.Select(r => (sources[r.VersionId], ListedEntry.FromJson(r.Data))).ToList();
            _current = new ScreeningIndex(entries, currentIds.GroupBy(c => c.Source).ToDictionary(g => g.Key, g => g.Last().Id))
            {
                CurrentVersions = [.. currentIds.Select(c => KeyValuePair.Create(c.Source, c.Id))],
            };
        }
        finally
        {
            _lock.Release();
        }
    }
}
