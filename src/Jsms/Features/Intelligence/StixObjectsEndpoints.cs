using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jsms.Features.Intelligence;

/// <summary><c>/api/intelligence/objects</c>: search the readable objects and read one with its relationships (<see cref="StixBrowse"/>).</summary>
internal static class StixObjectsEndpoints
{
    /// <summary>The latest readable version of each matching object (full text in name and description, type, marking, time added).</summary>
    /// <remarks>
    /// Pages of <c>limit</c> (default and at most 200) results, newest first; when there are more, the <c>Link</c> header
    /// carries the next page (<c>rel="next"</c>, keyset: <c>after</c> is where this page ended). <c>actor</c> is a threat-actor's
    /// STIX id: objects related to it (relationships, sightings, and reports, groupings, notes and opinions that refer to it).
    /// </remarks>
    public static async Task<Results<Ok<List<StixObjectSummary>>, ValidationProblem>> SearchObjects(string? q, string? type, string? tlp, DateTime? from,
        DateTime? to, string? actor, string? after, int? limit, HttpContext http, Caller caller, JsmsDbContext db)
    {
        if (limit is < 1 or > StixBrowse.MaxPage)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"Between 1 and {StixBrowse.MaxPage}."] });
        }
        if (after is not null && !StixBrowse.TryParseCursor(after, out _, out _))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["after"] = ["Not a value this server gave in a Link header."] });
        }
        var (items, next) = await StixBrowse.SearchPageAsync(db, caller, new StixSearch(q, type, tlp, from, to, actor, after), limit ?? StixBrowse.MaxPage);
        if (next is not null)
        {
            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(http.Request.QueryString.Value);
            query["after"] = next;
            var url = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(http.Request.Path, query.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v))));
            http.Response.Headers.Link = $"<{url}>; rel=\"next\"";
        }
        return TypedResults.Ok(items);
    }

    /// <summary>One object: its readable versions (newest first) and the readable relationships and sightings that point at it or from it.</summary>
    public static async Task<Results<Ok<StixObjectDetail>, NotFound>> GetObject(string stixId, Caller caller, JsmsDbContext db)
        => await StixBrowse.DetailAsync(db, caller, stixId) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();
}
