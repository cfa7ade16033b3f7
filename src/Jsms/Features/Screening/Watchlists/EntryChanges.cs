using Jsms.Features.Screening.Lists;

namespace Jsms.Features.Screening.Watchlists;

/// <summary>What changed in a list entry between two versions, in words a reviewer can check ("alias added: Abu Mansoor").</summary>
internal static class EntryChanges
{
    public static string Describe(ListedEntry before, ListedEntry after)
    {
        var changes = new List<string>();
        Compare("name", [before.PrimaryName], [after.PrimaryName], changes, oneValue: true);
        Compare("alias", Aliases(before), Aliases(after), changes);
        Compare("birth date", before.BirthDates.Select(b => b.ToString()), after.BirthDates.Select(b => b.ToString()), changes);
        Compare("nationality", before.Nationalities, after.Nationalities, changes);
        Compare("identifier", before.Identifiers ?? [], after.Identifiers ?? [], changes);
        Compare("address", before.Addresses, after.Addresses, changes);
        Compare("programme", Some(before.Programme), Some(after.Programme), changes, oneValue: true);
        Compare("listed on", Some(before.ListedOn), Some(after.ListedOn), changes, oneValue: true);
        if (!string.Equals(before.Remarks, after.Remarks, StringComparison.Ordinal))
        {
            changes.Add(after.Remarks is null ? "remarks removed" : $"remarks now \"{Clip(after.Remarks, 300)}\"");
        }
        if (before.Kind != after.Kind)
        {
            changes.Add($"type {before.Kind} → {after.Kind}");
        }
        return changes.Count == 0 ? "its details changed" : string.Join("; ", changes);
    }

    private static IEnumerable<string> Aliases(ListedEntry entry) => entry.Names.Where(n => n.Kind != NameKind.Primary).Select(n => n.Name);

    private static IEnumerable<string> Some(string? value) => value is null ? [] : [value];

    private static void Compare(string what, IEnumerable<string> before, IEnumerable<string> after, List<string> changes, bool oneValue = false)
    {
        var old = before.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var now = after.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var added = now.Except(old, StringComparer.OrdinalIgnoreCase).ToList();
        var removed = old.Except(now, StringComparer.OrdinalIgnoreCase).ToList();
        if (oneValue && (added.Count > 0 || removed.Count > 0))
        {
            changes.Add($"{what} \"{string.Join(", ", removed)}\" → \"{string.Join(", ", added)}\"");
            return;
        }
        if (added.Count > 0)
        {
            changes.Add($"{what} added: {string.Join(", ", added.Select(a => Clip(a, 200)))}");
        }
        if (removed.Count > 0)
        {
            changes.Add($"{what} removed: {string.Join(", ", removed.Select(a => Clip(a, 200)))}");
        }
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
