namespace Jsms.BrowserTests.Infrastructure;

/// <summary>One page the <see cref="SiteCrawl"/> visited as one user, and what was checked on it.</summary>
public sealed record CrawledPage(
    string User,
    string Url,
    string Key,
    string? LinkedFrom,
    int Status,
    string Title,
    IReadOnlyList<string> Violations,
    int? HighlightedMenuItems,
    IReadOnlyList<string> WritableControls,
    IReadOnlyList<string> CodeValues)
{
    public string Where => $"{User} {Url}" + (LinkedFrom is null ? "" : $" (linked from {LinkedFrom})");
}
