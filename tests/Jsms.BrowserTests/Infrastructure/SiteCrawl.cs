using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Jsms.Features.Screening;
using Jsms.Features.Screening.Lists;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jsms.BrowserTests.Infrastructure;

/// <summary>
/// Visits every page of the demo once per kind of page, as each of a few users, by following the links the pages show
/// (from the dashboard: every list, and the first record of each list, so every detail page is a real demo record).
/// Each page is checked once: axe-core (critical and serious rules), the highlighted menu item, and the controls of
/// forms that would change a record. One browser context per user, one tab reused for all its pages.
/// </summary>
public sealed partial class SiteCrawl : IAsyncLifetime
{
    /// <summary>The users whose pages are visited: an administrator (who also coordinates: sees and writes all) and a viewer.</summary>
    public static readonly string[] Users = ["admin", "pk.viewer"];

    public const string Anonymous = "(signed out)";

    // A page kind is visited once; a cap keeps a link explosion (filters, pages of a list) from stalling the run.
    private const int MaxPagesPerUser = 160;

    private static readonly string[] SkippedPrefixes = ["/api/", "/lib/", "/css/", "/js/", "/img/", "/Accounts/Logout", "/_"];

    private static readonly AxeRunOptions AxeOptions = new()
    {
        ResultTypes = [ResultType.Violations],
    };

    public BrowserApp Browser { get; } = new();

    public List<CrawledPage> Pages { get; } = [];

    /// <summary>Each visit with its time, saved as crawl.log beside the screenshots.</summary>
    public List<string> Log { get; } = [];

    /// <summary>Every Razor page route of the app, as the crawl's keys write them ("/Protection/Site/{id}").</summary>
    public List<string> PageRoutes { get; } = [];

    public async Task InitializeAsync()
    {
        await Browser.InitializeAsync();
        PageRoutes.AddRange(RoutesOfRazorPages());

        await AddListedEntryAsync();
        // The demo asks no request for information: one, so the RFI page is reached from the list.
        using (var analyst = await Browser.App.LoginAs("pk.analyst"))
        {
            var due = Browser.App.Clock.GetUtcNow().UtcDateTime.AddDays(3);
            (await analyst.PostAsJsonAsync("/api/intelligence/rfis", new { to = RfiAddressees, title = "Vehicles seen near the airport site", question = "Do your liaison officers know the white pick-up KHI-7788?", dueAt = due, marking = new { tlp = "GREEN" } }))
                .EnsureSuccessStatusCode();
        }

        var anonymous = await Browser.NewPageAsync();
        await CrawlAsync(anonymous, Anonymous, ["/Accounts/Login"], follow: false);
        foreach (var user in Users)
        {
            var page = await Browser.LoginAs(user);
            // The status page is reached by no link: visit it as a missing page is shown. A listed entry is reached
            // from a screening match: visit the one added above.
            await CrawlAsync(page, user, ["/", "/Errors/404", $"/Screening/Entry?source=UN&id={ListedEntryId}"], follow: true);
        }
        Directory.CreateDirectory(BrowserApp.ArtifactsDirectory);
        await File.WriteAllLinesAsync(Path.Combine(BrowserApp.ArtifactsDirectory, "crawl.log"), Log);
    }

    public async Task DisposeAsync()
    {
        Directory.CreateDirectory(BrowserApp.ArtifactsDirectory);
        await File.WriteAllLinesAsync(Path.Combine(BrowserApp.ArtifactsDirectory, "crawl.log"), Log);
        await Browser.DisposeAsync();
    }

    private async Task CrawlAsync(IPage page, string user, string[] start, bool follow)
    {
        var origin = Browser.App.BaseAddress.GetLeftPart(UriPartial.Authority);
        var queue = new Queue<(string Url, string? From)>(start.Select(s => (origin + s, (string?)null)));
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var visited = 0;
        while (queue.Count > 0 && visited < MaxPagesPerUser)
        {
            var (url, from) = queue.Dequeue();
            var key = KeyOf(new Uri(url));
            if (!seen.Add(key))
            {
                continue;
            }
            IResponse? response;
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                response = await page.GotoAsync(url);
            }
            catch (PlaywrightException e) when (e.Message.StartsWith("Download is starting", StringComparison.Ordinal))
            {
                continue; // a file to save (an export), not a page
            }
            if (response is null || !(response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal)))
            {
                continue;
            }
            visited++;
            var loaded = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            await WaitForMapsAsync(page);
            var ready = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var violations = await ViolationsAsync(page);
            var highlighted = await page.Locator("nav[aria-label=Modules]").CountAsync() == 0
                ? (int?)null
                : await page.Locator("header [aria-current=page], nav[aria-label=Modules] [aria-current=page]").CountAsync();
            var writable = await page.EvaluateAsync<string[]>(WritableControlsScript);
            var codes = await page.EvaluateAsync<string[]>(CodeValuesScript);
            Log.Add($"{System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds,6:0} ms (loaded {loaded:0}, maps {ready - loaded:0}) {user} {response.Status} {url}");
            Pages.Add(new CrawledPage(user, new Uri(url).PathAndQuery, key, from, response.Status, await page.TitleAsync(), violations, highlighted, writable, codes));
            if (!follow || response.Status >= 400)
            {
                continue;
            }
            var links = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a[href]')].filter(a => !a.hasAttribute('download')).map(a => a.href)");
            foreach (var link in links)
            {
                if (Uri.TryCreate(link, UriKind.Absolute, out var target) && Followed(target, origin))
                {
                    queue.Enqueue((target.GetLeftPart(UriPartial.Query), new Uri(url).PathAndQuery));
                }
            }
        }
    }

    private const string ListedEntryId = "QDi.999";

    private static readonly string[] RfiAddressees = ["CN-MPS"];

    /// <summary>The demo loads no sanctions list (importing the real one takes a minute): one invented entry stands in.</summary>
    private Task AddListedEntryAsync() => Browser.App.WithDb(async db =>
    {
        var version = new ScreeningListVersion
        {
            Id = Guid.NewGuid(), Source = ListSource.UN, Number = 1, ImportedAt = Browser.App.Clock.GetUtcNow().UtcDateTime,
            ImportedBy = "admin", FileNames = "example.xml", FileHash = new string('0', 64), EntryCount = 1, Added = 1,
        };
        var entry = new ListedEntry(ListedEntryId, ListedEntryId, EntryKind.Person, "EXAMPLE LISTED PERSON",
            [new ListedName("EXAMPLE LISTED PERSON", NameKind.Primary), new ListedName("Listed Example", NameKind.Alias)],
            [new BirthDate(1970, 1, 1, null, null, false)], ["IQ"], ["Baghdad"], "Example programme", "2001-01-01", "Invented for the accessibility check.");
        var json = entry.ToJson();
        db.Add(version);
        db.Add(new ScreeningListEntry
        {
            VersionId = version.Id, SourceId = ListedEntryId, Reference = ListedEntryId, Kind = EntryKind.Person,
            PrimaryName = entry.PrimaryName, Data = json, ContentHash = ListedEntry.HashOf(json),
        });
        await db.SaveChangesAsync();
    });

    private static bool Followed(Uri target, string origin)
        => target.GetLeftPart(UriPartial.Authority) == origin
           && !SkippedPrefixes.Any(p => target.AbsolutePath.StartsWith(p, StringComparison.OrdinalIgnoreCase))
           && (!Path.HasExtension(target.AbsolutePath) || target.AbsolutePath.EndsWith(".html", StringComparison.OrdinalIgnoreCase));

    /// <summary>The kind of a page: ids in the path become {id}; the query keeps its names, and a STIX id its type.</summary>
    public static string KeyOf(Uri url)
    {
        var path = string.Join('/', url.AbsolutePath.Split('/').Select(s => Guid.TryParse(s, out _) || int.TryParse(s, out _) ? "{id}" : s));
        var query = url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(kv => kv[0] + (kv.Length > 1 && StixId().Match(Uri.UnescapeDataString(kv[1])) is { Success: true } m ? "=" + m.Groups[1].Value : ""))
            .Order(StringComparer.Ordinal)
            .Distinct();
        var q = string.Join('&', query);
        return q.Length == 0 ? path : path + "?" + q;
    }

    [GeneratedRegex("^([a-z0-9-]+)--[0-9a-f-]{36}$")]
    private static partial Regex StixId();

    private List<string> RoutesOfRazorPages()
    {
        var descriptors = Browser.App.App.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items;
        var routes = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var template in descriptors.OfType<PageActionDescriptor>().Select(d => d.AttributeRouteInfo?.Template ?? ""))
        {
            if (template.EndsWith("Index", StringComparison.Ordinal))
            {
                continue; // "Alerts/Index" is also routed as "Alerts"
            }
            var segments = template.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var required = segments.Where(s => !(s.StartsWith('{') && s.EndsWith("?}", StringComparison.Ordinal)));
            routes.Add("/" + string.Join('/', required.Select(Normal)));
            if (required.Count() != segments.Length)
            {
                routes.Add("/" + string.Join('/', segments.Select(Normal)));
            }
        }
        return [.. routes];

        static string Normal(string segment) => segment.StartsWith('{') ? "{id}" : segment;
    }

    private static async Task WaitForMapsAsync(IPage page)
    {
        try
        {
            // /api-docs.html: Swagger UI draws the operations after it has read the OpenAPI document.
            await page.WaitForFunctionAsync(
                "() => !document.getElementById('swagger-ui') || (document.querySelector('.swagger-ui .opblock') && document.querySelector('#swagger-ui[data-labelled=true]'))",
                null, new PageWaitForFunctionOptions { Timeout = 10_000 });
            await page.WaitForFunctionAsync(
                "() => [...document.querySelectorAll('.leaflet-container')].every(e => e.getAttribute('data-outlines-loaded') === 'true')",
                null, new PageWaitForFunctionOptions { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            // A map that never finishes its outlines is still checked as it stands.
        }
    }

    private static async Task<List<string>> ViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(AxeOptions);
        return
        [
            .. result.Violations
                .Where(v => v.Impact is "critical" or "serious")
                .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — " + string.Join(" | ", v.Nodes.Take(4).Select(n => $"{n.Target} {Short(n.Html)}"))
                    + (v.Nodes.Length > 4 ? $" | … {v.Nodes.Length - 4} more" : "")),
        ];

        static string Short(string html) => html.Length <= 140 ? html : html[..140] + "…";
    }

    // Code values shown as they are spelled in code ("FalsePositive", "underWay") where a user reads a value: table
    // cells, options, badges, definitions, statuses.
    private const string CodeValuesScript = """
        () => [...document.querySelectorAll('main td, main th, main option, main dd, main .badge, main [data-testid$=status]')]
          .map(e => (e.childElementCount === 0 ? e.textContent : [...e.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join(' ')).trim())
          .flatMap(t => t.split(/[\s,;:()·]+/))
          .filter(t => /^([A-Z][a-z]+){2,}$/.test(t) || /^[a-z]+([A-Z][a-z]+)+$/.test(t))
          .filter((t, i, all) => all.indexOf(t) === i)
        """;

    // Controls of forms that post (a change) that invite input: visible, and either enabled or, when disabled (a record
    // shown read-only), still drawn with an input's border. Hidden fields do not count.
    private const string WritableControlsScript = """
        () => [...document.querySelectorAll('main form')]
          .filter(f => (f.getAttribute('method') || 'get').toLowerCase() === 'post')
          .flatMap(f => [...f.querySelectorAll('input, select, textarea, button')])
          .filter(e => e.type !== 'hidden' && e.getClientRects().length > 0)
          .filter(e => !e.matches(':disabled') || (e.tagName !== 'BUTTON' && e.type !== 'checkbox' && e.type !== 'radio'
                && getComputedStyle(e).borderTopColor !== 'rgba(0, 0, 0, 0)'))
          .filter(e => !e.readOnly || e.tagName === 'BUTTON')
          .map(e => (e.matches(':disabled') ? 'looks editable: ' : '') + e.outerHTML.slice(0, 120))
        """;
}
