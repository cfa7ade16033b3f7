using System.Security.Cryptography;
using Jsms.Features.Screening.Lists;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Screening;

/// <summary>
/// Imports a list file as a new version in one transaction: the file is read completely first, so a
/// bad file raises <see cref="ListFormatException"/> before anything is written and the current
/// version stays. After the commit the in-memory index is rebuilt and the <see cref="IListImportObserver"/>s are told
/// (a rescreen of the watchlists is queued; it runs in the background, so the import answers without waiting for it).
/// </summary>
internal sealed class ListImporter(JsmsDbContext db, ScreeningIndexHolder index, TimeProvider clock, IEnumerable<IListImportObserver> observers)
{
    public async Task<ImportOutcome> ImportUnAsync(Stream xml, string fileName, string importer, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var (bytes, hash) = await HashAsync([xml], cancellationToken);
        progress?.Report($"read {bytes[0].Length:N0} bytes, parsing");
        var result = UnListReader.Read(new MemoryStream(bytes[0]));
        progress?.Report($"parsed {result.Entries.Count:N0} entries");
        return await StoreAsync(ListSource.UN, result.Entries, fileName, hash, result.Generated, importer, progress, cancellationToken);
    }

    public async Task<ImportOutcome> ImportOfacAsync(Stream sdn, Stream alt, Stream add, string fileNames, string importer, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var (bytes, hash) = await HashAsync([sdn, alt, add], cancellationToken);
        progress?.Report($"read {bytes.Sum(b => b.Length):N0} bytes, parsing");
        var entries = OfacListReader.Read(new MemoryStream(bytes[0]), new MemoryStream(bytes[1]), new MemoryStream(bytes[2]));
        progress?.Report($"parsed {entries.Count:N0} entries");
        return await StoreAsync(ListSource.OFAC, entries, fileNames, hash, null, importer, progress, cancellationToken);
    }

    /// <summary>
    /// Stores a national list already read by <see cref="NationalListReader"/> (its ids carry the list's prefix) as the next
    /// version of <paramref name="list"/>. The version's hash covers the file and the column mapping, so the same file read
    /// with another mapping is a new version.
    /// </summary>
    public async Task<ImportOutcome> ImportNationalAsync(NationalList list, Stream file, string mapping, List<ListedEntry> entries, string fileName, string importer,
        CancellationToken cancellationToken = default)
    {
        var (_, hash) = await HashAsync([file, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mapping))], cancellationToken);
        return await StoreAsync(ListSource.National, entries, fileName, hash, null, importer, null, cancellationToken, list);
    }

    private static async Task<(byte[][] Bytes, string Hash)> HashAsync(Stream[] streams, CancellationToken cancellationToken)
    {
        var all = new byte[streams.Length][];
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (var i = 0; i < streams.Length; i++)
        {
            using var buffer = new MemoryStream();
            await streams[i].CopyToAsync(buffer, cancellationToken);
            all[i] = buffer.ToArray();
            sha.AppendData(all[i]);
        }
        return (all, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    private async Task<ImportOutcome> StoreAsync(ListSource source, List<ListedEntry> entries, string fileNames, string hash, DateTime? published,
        string importer, IProgress<string>? progress, CancellationToken cancellationToken, NationalList? list = null)
    {
        var listId = list?.Id;
        var previous = await db.Set<ScreeningListVersion>().AsNoTracking().Where(v => v.Source == source && v.NationalListId == listId)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        if (previous is not null && previous.FileHash == hash)
        {
            progress?.Report($"identical to version {previous.Number}: nothing imported");
            return new ImportOutcome(previous.Id, source, previous.Number, previous.EntryCount, 0, 0, 0, true) { ListName = list?.Name, NationalListId = listId };
        }
        var before = previous is null
            ? new Dictionary<string, string>()
            : await db.Set<ScreeningListEntry>().AsNoTracking().Where(e => e.VersionId == previous.Id)
                .ToDictionaryAsync(e => e.SourceId, e => e.ContentHash, StringComparer.Ordinal, cancellationToken);
        var version = new ScreeningListVersion
        {
            Id = Guid.CreateVersion7(),
            Source = source,
            NationalListId = listId,
            Number = (previous?.Number ?? 0) + 1,
            ImportedAt = clock.GetUtcNow().UtcDateTime,
            ImportedBy = importer.Length > 256 ? importer[..256] : importer,
            FileNames = fileNames.Length > 1000 ? fileNames[..1000] : fileNames,
            FileHash = hash,
            PublishedAt = published,
            EntryCount = entries.Count,
        };
        var rows = new List<ScreeningListEntry>(entries.Count);
        foreach (var entry in entries)
        {
            var json = entry.ToJson();
            var row = new ScreeningListEntry
            {
                VersionId = version.Id,
                SourceId = entry.SourceId,
                Reference = entry.Reference,
                Kind = entry.Kind,
                PrimaryName = entry.PrimaryName.Length > 1000 ? entry.PrimaryName[..1000] : entry.PrimaryName,
                Data = json,
                ContentHash = ListedEntry.HashOf(json),
            };
            rows.Add(row);
            if (!before.TryGetValue(entry.SourceId, out var oldHash))
            {
                version.Added++;
            }
            else if (oldHash != row.ContentHash)
            {
                version.Changed++;
            }
        }
        version.Removed = before.Keys.Except(entries.Select(e => e.SourceId), StringComparer.Ordinal).Count();

        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Add(version);
            db.Audit("import", nameof(ScreeningListVersion), version.Id,
                $"{source}{(list is null ? "" : $" list \"{list.Name}\"")} version {version.Number}: {entries.Count} entries, +{version.Added} -{version.Removed} ~{version.Changed}, sha256 {hash}");
            await db.SaveChangesAsync(cancellationToken);
            for (var i = 0; i < rows.Count; i += 2000)
            {
                db.AddRange(rows.Skip(i).Take(2000));
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                progress?.Report($"stored {Math.Min(i + 2000, rows.Count):N0} of {rows.Count:N0} entries");
            }
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
        await index.ReloadAsync(db, cancellationToken);
        progress?.Report($"index rebuilt: {index.Current.EntryCount:N0} entries, {index.Current.NameCount:N0} names");
        var outcome = new ImportOutcome(version.Id, source, version.Number, entries.Count, version.Added, version.Removed, version.Changed, false)
        {
            ListName = list?.Name,
            NationalListId = listId,
        };
        foreach (var observer in observers)
        {
            await observer.ListImportedAsync(outcome, cancellationToken);
        }
        return outcome;
    }

    /// <summary>What changed from <paramref name="fromId"/> to <paramref name="toId"/> (same list), by the source's entry id and content hash.</summary>
    public async Task<List<EntryChange>?> DiffAsync(Guid fromId, Guid toId, CancellationToken cancellationToken = default)
    {
        var versions = await db.Set<ScreeningListVersion>().AsNoTracking().Where(v => v.Id == fromId || v.Id == toId).ToListAsync(cancellationToken);
        if (versions.Count != (fromId == toId ? 1 : 2) || versions.Select(v => (v.Source, v.NationalListId)).Distinct().Count() != 1)
        {
            return null;
        }
        var from = await EntriesAsync(fromId, cancellationToken);
        var to = await EntriesAsync(toId, cancellationToken);
        var changes = new List<EntryChange>();
        foreach (var (id, entry) in to)
        {
            if (!from.TryGetValue(id, out var old))
            {
                changes.Add(new EntryChange(id, entry.PrimaryName, "added"));
            }
            else if (old.ContentHash != entry.ContentHash)
            {
                changes.Add(new EntryChange(id, entry.PrimaryName, "changed"));
            }
        }
        changes.AddRange(from.Where(f => !to.ContainsKey(f.Key)).Select(f => new EntryChange(f.Key, f.Value.PrimaryName, "removed")));
        return [.. changes.OrderBy(c => c.Change, StringComparer.Ordinal).ThenBy(c => c.SourceId, StringComparer.Ordinal)];
    }

    private Task<Dictionary<string, (string PrimaryName, string ContentHash)>> EntriesAsync(Guid versionId, CancellationToken cancellationToken)
        => db.Set<ScreeningListEntry>().AsNoTracking().Where(e => e.VersionId == versionId)
            .Select(e => new { e.SourceId, e.PrimaryName, e.ContentHash })
            .ToDictionaryAsync(e => e.SourceId, e => (e.PrimaryName, e.ContentHash), StringComparer.Ordinal, cancellationToken);
}
