using Jsms.BrowserTests.Infrastructure;

namespace Jsms.BrowserTests;

/// <summary>
/// Every page of the demo, as an administrator, a viewer and a signed-out visitor (<see cref="SiteCrawl"/>, run once for
/// the class): accessible by axe-core's critical and serious rules, one menu item highlighted, read-only for the viewer.
/// </summary>
public sealed class EveryPageTests(SiteCrawl crawl) : IClassFixture<SiteCrawl>
{
    // Pages that answer a GET with something other than a page of their own.
    private static readonly string[] NotPages = ["/Accounts/Logout"];

    // A viewer's own account settings are theirs to change; screening a name is a search, which viewers do too.
    private static readonly string[] ViewerMayChange = ["/Accounts/Security", "/Screening"];

    [Fact]
    public void Every_page_has_no_critical_or_serious_accessibility_violation()
    {
        var failures = crawl.Pages.Where(p => p.Violations.Count > 0)
            .SelectMany(p => p.Violations.Select(v => $"{p.User} {p.Url}: {v}"))
            .ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} violations on {crawl.Pages.Count} pages:\n" + string.Join('\n', failures));
    }

    // A CSV column's name, which the user types as shown.
    private static readonly string[] CodeValuesShown = ["deviceId"];

    [Fact]
    public void No_page_shows_a_code_value_where_words_belong()
    {
        var raw = crawl.Pages
            .Select(p => (Page: p, Values: p.CodeValues.Where(v => !CodeValuesShown.Contains(v)).ToList()))
            .Where(p => p.Values.Count > 0)
            .Select(p => $"{p.Page.Where}: {string.Join(", ", p.Values)}").ToList();
        Assert.True(raw.Count == 0, "Values shown as spelled in code (show words, e.g. Label.Of):\n" + string.Join('\n', raw));
    }

    [Fact]
    public void The_API_docs_are_in_the_accessibility_check()
        => Assert.Contains(crawl.Pages, p => p.Url.StartsWith("/api-docs.html", StringComparison.Ordinal) && p.Status == 200);

    [Fact]
    public void Every_page_of_the_app_is_visited_by_the_accessibility_check()
    {
        var visited = crawl.Pages.Select(p => p.Key.Split('?')[0]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missed = crawl.PageRoutes.Where(r => !visited.Contains(r) && !NotPages.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        Assert.True(missed.Count == 0, "No link leads to these pages (link them, or start the crawl there): " + string.Join(", ", missed));
    }

    [Fact]
    public void Every_page_has_a_title_of_its_own()
    {
        var untitled = crawl.Pages.Where(p => p.Title.Length == 0 || p.Title.StartsWith(" ·", StringComparison.Ordinal) || p.Title.StartsWith('·'))
            .Select(p => p.Where).ToList();
        Assert.True(untitled.Count == 0, "Pages without a title: " + string.Join(", ", untitled));
    }

    [Fact]
    public void Every_signed_in_page_highlights_exactly_one_menu_item()
    {
        var wrong = crawl.Pages.Where(p => p.Status < 400 && p.HighlightedMenuItems is { } n && n != 1)
            .Select(p => $"{p.Where}: {p.HighlightedMenuItems}").ToList();
        Assert.True(wrong.Count == 0, "Pages with other than one highlighted menu item: " + string.Join(", ", wrong));
    }

    [Fact]
    public void A_viewer_sees_no_form_that_would_change_a_record()
    {
        var editable = crawl.Pages
            .Where(p => p.User == "pk.viewer" && !ViewerMayChange.Any(m => p.Url.Split('?')[0].Equals(m, StringComparison.OrdinalIgnoreCase)) && p.WritableControls.Count > 0)
            .Select(p => $"{p.Url}: {string.Join(" ", p.WritableControls.Take(3))}").ToList();
        Assert.True(editable.Count == 0, "A viewer sees editable forms on:\n" + string.Join('\n', editable));
    }

    [Fact]
    public void No_page_shows_a_link_that_fails_for_its_user()
    {
        var refused = crawl.Pages.Where(p => p.LinkedFrom is not null && p.Status is 403 or 404 or >= 500)
            .Select(p => $"{p.Where}: {p.Status}").ToList();
        Assert.True(refused.Count == 0, "Links that fail for the user who is shown them:\n" + string.Join('\n', refused));
    }
}
