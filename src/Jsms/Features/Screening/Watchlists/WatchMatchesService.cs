using System.Text.Json;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Screening.Watchlists;

/// <summary>
/// Matches to review. A match is read with its watchlist (the policy decides in the query) and reviewed by a writer of the
/// watchlist's owner agency: confirmed, or a false positive with the reason, which stays quiet until the list entry or the
/// subject changes (<see cref="WatchlistRescreener"/>).
/// </summary>
internal sealed class WatchMatchesService(JsmsDbContext db, TimeProvider clock)
{
    public const int MaxListed = 500;

    private IQueryable<WatchMatch> Readable(Caller caller)
    {
        var watchlists = db.Readable<Watchlist>(caller);
        return db.Set<WatchMatch>().AsNoTracking().Where(m => watchlists.Any(w => w.Id == m.WatchlistId));
    }

    public async Task<List<MatchDto>> ListAsync(Caller caller, MatchStatus? status, Guid? watchlistId, Guid? subjectId)
    {
        var query = Readable(caller);
        if (status is { } s)
        {
            query = query.Where(m => m.Status == s);
        }
        if (watchlistId is { } w)
        {
            query = query.Where(m => m.WatchlistId == w);
        }
        if (subjectId is { } id)
        {
            query = query.Where(m => m.SubjectId == id);
        }
        return await DtosAsync(await query.OrderByDescending(m => m.LastRaisedAt).ThenByDescending(m => m.Score).Take(MaxListed).ToListAsync());
    }

    public async Task<MatchDto?> GetAsync(Caller caller, Guid id)
        => await Readable(caller).FirstOrDefaultAsync(m => m.Id == id) is { } match ? (await DtosAsync([match]))[0] : null;

    public async Task<Outcome<MatchDto>> ReviewAsync(Caller caller, Guid id, ReviewRequest request)
    {
        var writable = db.Writable<Watchlist>(caller);
        var match = await db.Set<WatchMatch>().Where(m => writable.Any(w => w.Id == m.WatchlistId)).FirstOrDefaultAsync(m => m.Id == id);
        if (match is null)
        {
            return Outcome.NotFound<MatchDto>();
        }
        var errors = new Dictionary<string, string[]>();
        MatchStatus? decision = request.Decision?.Trim().ToLowerInvariant().Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal) switch
        {
            "confirmed" or "confirm" => MatchStatus.Confirmed,
            "falsepositive" => MatchStatus.FalsePositive,
            _ => null,
        };
        if (decision is null)
        {
            errors["decision"] = ["The decision is 'confirmed' or 'falsePositive'."];
        }
        var reason = Validate.Text(errors, "reason", request.Reason, 1000, required: true);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<MatchDto>(errors);
        }
        match.Status = decision!.Value;
        match.ReviewReason = reason;
        match.ReviewedBy = caller.UserName.Length > 256 ? caller.UserName[..256] : caller.UserName;
        match.ReviewedAt = clock.GetUtcNow().UtcDateTime;
        db.Audit("review", nameof(WatchMatch), match.Id,
            $"{caller.UserName} marked the match of \"{match.SubjectName}\" with {match.Source} {match.SourceId} as {match.Status}: {reason}");
        await db.SaveChangesAsync();
        return Outcome.Ok((await DtosAsync([match]))[0]);
    }

    private async Task<List<MatchDto>> DtosAsync(List<WatchMatch> matches)
    {
        var subjectIds = matches.Select(m => m.SubjectId).Distinct().ToList();
        var watchlistIds = matches.Select(m => m.WatchlistId).Distinct().ToList();
        var subjects = await db.Set<WatchSubject>().AsNoTracking().Where(s => subjectIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Name, s.Category }).ToDictionaryAsync(s => s.Id);
        var watchlists = await db.Set<Watchlist>().AsNoTracking().Where(w => watchlistIds.Contains(w.Id))
            .Select(w => new { w.Id, w.Name }).ToDictionaryAsync(w => w.Id, w => w.Name);
        return [.. matches.Select(m =>
        {
            var explanation = JsonSerializer.Deserialize<MatchExplanation>(m.Explanation, JsonSerializerOptions.Web) ?? new MatchExplanation([], []);
            var subject = subjects[m.SubjectId];
            return new MatchDto(m.Id, m.WatchlistId, watchlists[m.WatchlistId], m.SubjectId, subject.Name, subject.Category.ToString(), m.Source.ToString(),
                m.SourceId, m.Reference, m.EntryName, m.MatchedName, m.SubjectName, Math.Round(m.Score, 3), explanation.Reasons, explanation.Rules,
                m.Status.ToString(), m.ReviewReason, m.ReviewedBy, m.ReviewedAt, m.FirstRaisedAt, m.LastRaisedAt, m.AlertCount)
            {
                StatusNote = m.StatusNote,
            };
        })];
    }
}
