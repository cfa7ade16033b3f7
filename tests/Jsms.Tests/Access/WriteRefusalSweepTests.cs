using System.Net;
using System.Text;
using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Access;

/// <summary>
/// Every write of the API, taken from the app's own OpenAPI document, refuses before it reads the body: anonymous 401,
/// the demo's read-only viewer 403 (or 404 where the record named in the route is not one it may read), whatever the
/// body is (empty or not JSON). A 400 or 500 here would mean the body was parsed, or acted upon, before anyone asked
/// who is calling. A new write route is swept as soon as it is mapped.
/// </summary>
public sealed class WriteRefusalSweepTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    private const string Viewer = "pk.viewer";

    /// <summary>Writes that must answer callers who are not signed in as a user, each with why.</summary>
    private static readonly Dictionary<string, string> Public = new(StringComparer.Ordinal)
    {
        ["POST /api/auth/token"] = "Sign-in: exchanges a user name and password for a token, so it is called before one exists.",
        ["POST /api/tracking/osmand"] = "OsmAnd/Traccar device protocol: a tracker knows no user and is known by its unique id (an unknown one gets 403).",
    };

    /// <summary>Writes a signed-in viewer may make on its own account (not on a shared record), each with why.</summary>
    private static readonly Dictionary<string, string> OwnAccount = new(StringComparer.Ordinal)
    {
        ["DELETE /api/auth/token"] = "Sign-out: revokes the token the request carries, the viewer's own.",
        ["DELETE /api/auth/tokens/{id}"] = "Revokes one of the caller's own tokens (another's is 404).",
        ["POST /api/auth/totp/setup"] = "Two-factor sign-in of the caller's own account.",
        ["POST /api/auth/totp/enable"] = "Two-factor sign-in of the caller's own account.",
        ["POST /api/auth/totp/disable"] = "Two-factor sign-in of the caller's own account.",
    };

    /// <summary>Requests sent as POST that every signed-in user may make, viewers included (reads, lookups), each with why.</summary>
    private static readonly Dictionary<string, string> OpenToViewers = new(StringComparer.Ordinal)
    {
        ["POST /api/training/currency"] = "A read: people's training currency over the courses the caller may read, asked with a list of people.",
        ["POST /api/screening/search"] = "Screening a name is open to every signed-in user; the search is kept as the caller's own screening record.",
        ["POST /api/screening/batch"] = "Screening a CSV of names, open to every signed-in user like the single search.",
    };

    private static readonly Dictionary<string, string> Bodies = new(StringComparer.Ordinal)
    {
        ["empty"] = "",
        ["not in its format"] = "{\"this is\": not json",
    };

    [Fact]
    public async Task The_openapi_document_lists_the_writes_of_every_module()
    {
        var writes = (await ApiOperation.ReadAsync(app)).Where(o => o.IsWrite && o.Path.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        foreach (var prefix in new[] { "/api/exercises", "/api/lessons", "/api/training", "/api/equipment", "/api/assistance", "/api/incidents", "/api/operations", "/api/alerts" })
        {
            Assert.Contains(writes, w => w.Path.StartsWith(prefix, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Every_write_answers_401_to_an_anonymous_caller_whatever_the_body()
    {
        var failures = new List<string>();
        using var anonymous = app.Anonymous();
        foreach (var operation in await WritesAsync())
        {
            foreach (var (kind, body) in Bodies)
            {
                var status = await SendAsync(anonymous, operation, body);
                if (status != HttpStatusCode.Unauthorized)
                {
                    failures.Add($"{operation} with a body {kind}: {(int)status}");
                }
            }
        }
        Assert.True(failures.Count == 0, "Anonymous writes not refused with 401:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task Every_write_answers_403_or_404_to_the_read_only_viewer_before_reading_the_body()
    {
        var failures = new List<string>();
        using var viewer = await app.LoginAs(Viewer);
        foreach (var operation in (await WritesAsync()).Where(o => !OwnAccount.ContainsKey(o.ToString()) && !OpenToViewers.ContainsKey(o.ToString())))
        {
            foreach (var (kind, body) in Bodies)
            {
                var status = await SendAsync(viewer, operation, body);
                if (status is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
                {
                    failures.Add($"{operation} with a body {kind}: {(int)status}");
                }
            }
        }
        Assert.True(failures.Count == 0, "Viewer writes not refused with 403/404:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task Every_exempted_write_exists_and_says_why()
    {
        var writes = (await ApiOperation.ReadAsync(app)).Select(o => o.ToString()).ToHashSet(StringComparer.Ordinal);
        Assert.All(Public.Concat(OwnAccount).Concat(OpenToViewers), p =>
        {
            Assert.Contains(p.Key, writes);
            Assert.False(string.IsNullOrWhiteSpace(p.Value), p.Key);
        });
    }

    private async Task<List<ApiOperation>> WritesAsync()
    {
        var writes = (await ApiOperation.ReadAsync(app))
            .Where(o => o.IsWrite && o.Path.StartsWith("/api/", StringComparison.Ordinal) && !Public.ContainsKey(o.ToString()))
            .ToList();
        Assert.NotEmpty(writes);
        return writes;
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, ApiOperation operation, string body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), operation.WithUnknownIds())
        {
            Content = new StringContent(body, Encoding.UTF8, operation.ContentType),
        };
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
