using System.Diagnostics;
using System.Text.Json;
using Jsms.Features.Alerts;
using Jsms.Features.Screening.Lists;
using Jsms.Features.Screening.Matching;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Screening.Watchlists;

/// <summary>
/// Screens watchlist subjects against the current index and raises an alert for each new or stronger match, and for a
/// false positive whose list entry or subject changed since it was reviewed. It runs after every list import (all
/// watchlists at once, in the background: <see cref="RescreenWorker"/>), after an upload (that watchlist) and after a subject
/// is added or changed (that subject). A confirmed match whose entry changed alerts again saying what changed; a match
/// whose entry left its list (delisted) is closed, and says so. It is system work: it reads every subject, and each alert
/// gets the marking of the subject's watchlist.
/// </summary>
internal sealed class WatchlistRescreener(JsmsDbContext db, ScreeningIndexHolder holder, RescreenGate gate, TimeProvider clock)
{
    public const string AlertKind = "screening.watchlist-match";

    /// <summary>A rise of the score below this is the same match, not a stronger one.</summary>
    public const double StrongerBy = 0.005;

    private sealed record Subject(Guid Id, Guid WatchlistId, SubjectCategory Category, EntryKind Kind, string Name, string? Aliases, string? BirthDate,
        string? Nationality, string Fingerprint);

    private sealed record Found(Subject Subject, string QueriedName, ScreeningMatch Match);

    /// <summary>Rescreens one watchlist, a few subjects, or (both null) every watchlist.</summary>
    public async Task<RescreenOutcome> RescreenAsync(Guid? watchlistId, IReadOnlyCollection<Guid>? subjectIds, string trigger, CancellationToken cancellationToken = default)
    {
        using (await gate.EnterAsync(cancellationToken))
        {
            return await RunAsync(watchlistId, subjectIds, trigger, cancellationToken);
        }
    }

    private async Task<RescreenOutcome> RunAsync(Guid? watchlistId, IReadOnlyCollection<Guid>? subjectIds, string trigger, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var index = await holder.GetAsync(db, cancellationToken);
        if (index.EntryCount == 0)
        {
            return RescreenOutcome.None;
        }
        var query = db.Set<WatchSubject>().AsNoTracking();
        if (watchlistId is { } w)
        {
            query = query.Where(s => s.WatchlistId == w);
        }
        if (subjectIds is not null)
        {
            query = query.Where(s => subjectIds.Contains(s.Id));
        }
        var subjects = await query.Select(s => new Subject(s.Id, s.WatchlistId, s.Category, s.Kind, s.Name, s.Aliases, s.BirthDate, s.Nationality, s.Fingerprint))
            .ToListAsync(cancellationToken);
        if (subjects.Count == 0)
        {
            return RescreenOutcome.None;
        }
        var (found, names) = Screen(index, subjects);

        var versionIds = index.CurrentVersions.Count > 0 ? index.CurrentVersions.Select(v => v.Value).ToList() : [.. index.Versions.Values];
        var sourceOf = (index.CurrentVersions.Count > 0 ? index.CurrentVersions : [.. index.Versions]).ToDictionary(v => v.Value, v => v.Key);
        // Every entry of the current versions: a match whose entry is not among them was delisted.
        var current = (await db.Set<ScreeningListEntry>().AsNoTracking().Where(e => versionIds.Contains(e.VersionId))
                .Select(e => new { e.VersionId, e.SourceId, e.ContentHash }).ToListAsync(cancellationToken))
            .ToDictionary(e => (sourceOf[e.VersionId], e.SourceId), e => (e.VersionId, e.ContentHash));
        var listed = sourceOf.Values.ToHashSet();

        var scope = db.Set<WatchMatch>().AsQueryable();
        if (watchlistId is { } w2)
        {
            scope = scope.Where(m => m.WatchlistId == w2);
        }
        if (subjectIds is not null)
        {
            scope = scope.Where(m => subjectIds.Contains(m.SubjectId));
        }
        var existing = await scope.ToDictionaryAsync(m => (m.SubjectId, m.Source, m.SourceId), cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var alerts = new List<(WatchMatch Match, Subject Subject, string Why)>();
        int created = 0, stronger = 0, reopened = 0, closed = 0;
        foreach (var f in found)
        {
            var entry = current.GetValueOrDefault((f.Match.Source, f.Match.SourceId));
            var entryFingerprint = entry.ContentHash ?? "";
            if (!existing.TryGetValue((f.Subject.Id, f.Match.Source, f.Match.SourceId), out var match))
            {
                match = new WatchMatch
                {
                    Id = Guid.CreateVersion7(),
                    WatchlistId = f.Subject.WatchlistId,
                    SubjectId = f.Subject.Id,
                    Source = f.Match.Source,
                    SourceId = f.Match.SourceId,
                    Status = MatchStatus.Open,
                    FirstRaisedAt = now,
                };
                db.Add(match);
                created++;
                alerts.Add((match, f.Subject, "new match"));
            }
            else
            {
                var entryChanged = match.EntryFingerprint != entryFingerprint;
                var changed = entryChanged || match.SubjectFingerprint != f.Subject.Fingerprint;
                if (match.Status == MatchStatus.Closed)
                {
                    match.Status = MatchStatus.Open;
                    match.StatusNote = Clip($"Open again on {now:yyyy-MM-dd}: the entry is listed again ({trigger}).", 1000);
                    reopened++;
                    alerts.Add((match, f.Subject, "reopened: the entry was delisted and is listed again"));
                }
                else if (match.Status == MatchStatus.FalsePositive && changed)
                {
                    var what = entryChanged ? $"the list entry changed ({await DescribeChangeAsync(match, entry.VersionId, cancellationToken)})" : "the subject changed";
                    match.Status = MatchStatus.Open;
                    match.StatusNote = Clip($"Open again on {now:yyyy-MM-dd}: {what}.", 1000);
                    reopened++;
                    alerts.Add((match, f.Subject, $"reopened: {what} since it was marked a false positive ({match.ReviewReason})"));
                }
                else if (match.Status == MatchStatus.Confirmed && entryChanged)
                {
                    var what = await DescribeChangeAsync(match, entry.VersionId, cancellationToken);
                    match.StatusNote = Clip($"Entry changed on {now:yyyy-MM-dd} ({trigger}): {what}.", 1000);
                    alerts.Add((match, f.Subject, $"the list entry of this confirmed match changed: {what}"));
                }
                else if (match.Status == MatchStatus.Open && f.Match.Score > match.AlertedScore + StrongerBy)
                {
                    stronger++;
                    alerts.Add((match, f.Subject, $"stronger match: {match.AlertedScore:0.00} before"));
                }
            }
            match.Reference = Clip(f.Match.Reference, 64);
            match.EntryName = Clip(f.Match.PrimaryName, 1000)!;
            match.MatchedName = Clip(f.Match.MatchedName, 1000)!;
            match.SubjectName = Clip(f.QueriedName, 300)!;
            match.Score = f.Match.Score;
            match.Explanation = Clip(JsonSerializer.Serialize(new MatchExplanation(f.Match.Explanation, f.Match.Rules), JsonSerializerOptions.Web), 8000)!;
            match.EntryFingerprint = entryFingerprint;
            match.SubjectFingerprint = f.Subject.Fingerprint;
            match.LastSeenAt = now;
        }

        // Matches whose entry is on no current version of its list any more: delisted. The match is closed and says so;
        // a confirmed one alerts (someone acted on it).
        var subjectsById = subjects.ToDictionary(x => x.Id);
        foreach (var match in existing.Values.Where(m => m.Status != MatchStatus.Closed && listed.Contains(m.Source)
                     && !current.ContainsKey((m.Source, m.SourceId)) && subjectsById.ContainsKey(m.SubjectId)))
        {
            var wasConfirmed = match.Status == MatchStatus.Confirmed;
            match.Status = MatchStatus.Closed;
            match.StatusNote = Clip($"Closed on {now:yyyy-MM-dd}: {match.Source} entry {match.SourceId} was delisted (not in {trigger})"
                                    + (wasConfirmed ? $"; it had been confirmed by {match.ReviewedBy}." : "."), 1000);
            closed++;
            if (wasConfirmed)
            {
                alerts.Add((match, subjectsById[match.SubjectId], $"the list entry of this confirmed match was delisted; the match is closed"));
            }
        }

        if (alerts.Count > 0)
        {
            var watchlistIds = alerts.Select(a => a.Match.WatchlistId).Distinct().ToList();
            var watchlists = await db.Set<Watchlist>().AsNoTracking().Where(x => watchlistIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, cancellationToken);
            var audiences = await AlertRaiser.AudienceOfAsync(db, [.. watchlists.Values], cancellationToken);
            foreach (var (match, subject, why) in alerts)
            {
                var watchlist = watchlists[match.WatchlistId];
                db.Raise(Draft(match, subject, watchlist, why, trigger, now), audiences[watchlist.Id], [new AlertInput(watchlist, "watchlist")]);
                match.AlertedScore = match.Score;
                match.LastRaisedAt = now;
                match.AlertCount++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return new RescreenOutcome(subjects.Count, names, found.Count, created, stronger, reopened, alerts.Count,
            Stopwatch.GetElapsedTime(started).TotalSeconds) { Closed = closed };
    }

    /// <summary>What changed in the match's entry: the version it was last seen in (found by its fingerprint) against the current one.</summary>
    private async Task<string> DescribeChangeAsync(WatchMatch match, Guid currentVersionId, CancellationToken cancellationToken)
    {
        var now = await db.Set<ScreeningListEntry>().AsNoTracking().Where(e => e.VersionId == currentVersionId && e.SourceId == match.SourceId)
            .Select(e => e.Data).FirstOrDefaultAsync(cancellationToken);
        var before = await db.Set<ScreeningListEntry>().AsNoTracking().Where(e => e.SourceId == match.SourceId && e.ContentHash == match.EntryFingerprint)
            .Select(e => e.Data).FirstOrDefaultAsync(cancellationToken);
        return now is null || before is null ? "its details changed" : EntryChanges.Describe(ListedEntry.FromJson(before), ListedEntry.FromJson(now));
    }

    /// <summary>
    /// Screens every name and alias of the subjects; identical questions (the same name, birth date, nationality and
    /// type, common in customer lists) are asked once. Per subject, the best match of each entry is kept.
    /// </summary>
    private static (List<Found> Found, int Names) Screen(ScreeningIndex index, List<Subject> subjects)
    {
        var questions = new Dictionary<ScreeningQuery, int>();
        var asked = new List<(int Subject, string Name, int Question)>();
        for (var i = 0; i < subjects.Count; i++)
        {
            var s = subjects[i];
            var birth = BirthDate.ParseQuery(s.BirthDate);
            var type = s.Kind;
            foreach (var name in new[] { s.Name }.Concat(s.Aliases?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? []))
            {
                var q = new ScreeningQuery(name, birth, s.Nationality, type);
                if (!questions.TryGetValue(q, out var n))
                {
                    questions[q] = n = questions.Count;
                }
                asked.Add((i, name, n));
            }
        }
        var distinct = questions.OrderBy(q => q.Value).Select(q => q.Key).ToArray();
        var answers = new List<ScreeningMatch>[distinct.Length];
        Parallel.For(0, distinct.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => answers[i] = index.Search(distinct[i], ScreeningIndex.DefaultThreshold, 5));
        var found = new List<Found>();
        foreach (var group in asked.GroupBy(a => a.Subject))
        {
            var best = new Dictionary<(ListSource, string), Found>();
            foreach (var (_, name, question) in group)
            {
                foreach (var match in answers[question])
                {
                    var key = (match.Source, match.SourceId);
                    if (!best.TryGetValue(key, out var had) || match.Score > had.Match.Score)
                    {
                        best[key] = new Found(subjects[group.Key], name, match);
                    }
                }
            }
            found.AddRange(best.Values);
        }
        return (found, distinct.Length);
    }

    private static AlertDraft Draft(WatchMatch match, Subject subject, Watchlist watchlist, string why, string trigger, DateTime now)
    {
        var explanation = JsonSerializer.Deserialize<MatchExplanation>(match.Explanation, JsonSerializerOptions.Web)!;
        var rules = explanation.Rules.Count == 0 ? "" : " Rules: " + string.Join("; ", explanation.Rules) + ".";
        return new AlertDraft(AlertKind, match.Score >= 0.95 ? AlertSeverity.High : AlertSeverity.Medium,
            $"Watchlist match: {subject.Name} ~ {match.Source} {match.SourceId} {match.EntryName} ({match.Score:0.00})", now)
        {
            Detail = $"{Describe(subject.Category)} \"{subject.Name}\" on watchlist \"{watchlist.Name}\" matches {match.Source} entry {match.SourceId}"
                     + $"{(match.Reference is null ? "" : " (" + match.Reference + ")")} \"{match.EntryName}\" at {match.Score:0.00}: "
                     + $"\"{match.SubjectName}\" ~ \"{match.MatchedName}\". {string.Join(" ", explanation.Reasons)}{rules} Found by the rescreen after {trigger}; {why}.",
            SubjectType = nameof(WatchMatch),
            SubjectId = match.Id,
            SubjectLabel = subject.Name,
            Evidence = new
            {
                watchlist = watchlist.Name,
                subject = subject.Name,
                category = subject.Category.ToString(),
                source = match.Source.ToString(),
                match.SourceId,
                match.Reference,
                match.EntryName,
                match.MatchedName,
                queriedName = match.SubjectName,
                score = Math.Round(match.Score, 3),
                reasons = explanation.Reasons,
                rules = explanation.Rules,
                trigger,
                why,
            },
        };
    }

    private static string Describe(SubjectCategory category) => category switch
    {
        SubjectCategory.ProtectedPerson => "Protected person",
        SubjectCategory.LocalStaff => "Local staff member",
        SubjectCategory.Driver => "Driver",
        SubjectCategory.Contractor => "Contractor",
        SubjectCategory.Customer => "Customer",
        SubjectCategory.Counterparty => "Counterparty",
        _ => "Subject",
    };

    private static string? Clip(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
