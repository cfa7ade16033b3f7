using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Partners;

/// <summary>
/// <c>/api/directory</c>: the searches behind the pickers of agency codes and usernames (Features/Shared/_DirectoryPicker.cshtml).
/// They answer only what any signed-in user may already name in a form: agencies (listed by <c>/api/partners/agencies</c>)
/// and enabled accounts by username, name and agency (what a named recipient is chosen from); never roles, status or ids.
/// </summary>
// CA1862: ToLower().Contains is what EF Core translates to SQL on both providers; StringComparison overloads are not translated.
#pragma warning disable CA1862
internal static class DirectoryEndpoints
{
    public const int MaxResults = 20;

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/directory", "Directory");
        group.MapGet("/agencies", Agencies);
        group.MapGet("/users", Users);
    }

    /// <summary>Agencies whose code, name or state contains <paramref name="q"/>, codes first.</summary>
    public static async Task<Results<Ok<List<DirectoryEntry>>, ValidationProblem>> Agencies(string? q, JsmsDbContext db)
    {
        if (Invalid(q) is { } problem)
        {
            return problem;
        }
        var text = Pattern(q);
        var agencies = db.Set<Agency>().AsNoTracking();
        if (text.Length > 0)
        {
            agencies = agencies.Where(a => a.Code.ToLower().Contains(text) || a.Name.ToLower().Contains(text) || a.State!.Name.ToLower().Contains(text));
        }
        var found = await agencies.OrderBy(a => a.Code).Take(MaxResults)
            .Select(a => new DirectoryEntry(a.Code, a.Name, a.State!.Name)).ToListAsync();
        return TypedResults.Ok(found);
    }

    /// <summary>Enabled users whose username or name contains <paramref name="q"/>, optionally of one agency (its code).</summary>
    public static async Task<Results<Ok<List<DirectoryEntry>>, ValidationProblem>> Users(string? q, string? agency, JsmsDbContext db)
    {
        if (Invalid(q) is { } problem)
        {
            return problem;
        }
        var text = Pattern(q);
        var users = db.Users.AsNoTracking().Where(u => !u.IsDisabled);
        if (!string.IsNullOrWhiteSpace(agency))
        {
            var code = agency.Trim().ToUpperInvariant();
            users = users.Where(u => u.Agency!.Code == code);
        }
        if (text.Length > 0)
        {
            users = users.Where(u => u.UserName!.ToLower().Contains(text) || u.DisplayName.ToLower().Contains(text));
        }
        var found = await users.OrderBy(u => u.UserName).Take(MaxResults)
            .Select(u => new DirectoryEntry(u.UserName!, u.DisplayName, u.Agency!.Code)).ToListAsync();
        return TypedResults.Ok(found);
    }

    private static ValidationProblem? Invalid(string? q)
        => q is { Length: > 100 }
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = ["The search text is at most 100 characters."] })
            : null;

    private static string Pattern(string? q) => (q ?? "").Trim().ToLowerInvariant();
}
#pragma warning restore CA1862
