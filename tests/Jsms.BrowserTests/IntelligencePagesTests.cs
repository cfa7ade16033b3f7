using System.Text;
using System.Text.Json.Nodes;
using Jsms.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jsms.BrowserTests;

/// <summary>The intelligence pages in Chromium: a bundle imported with its report, found by search, and an indicator written by hand.</summary>
public sealed class IntelligencePagesTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static JsonObject Stix(string type, string name, JsonObject? extra = null)
    {
        var o = new JsonObject
        {
            ["type"] = type, ["spec_version"] = "2.1", ["id"] = $"{type}--{Guid.NewGuid()}",
            ["created"] = "2026-03-01T10:00:00.000Z", ["modified"] = "2026-03-01T10:00:00.000Z", ["name"] = name,
        };
        foreach (var (key, value) in extra ?? [])
        {
            o[key] = value?.DeepClone();
        }
        return o;
    }

    [Fact]
    public async Task Imported_bundle_reports_accepted_and_refused_objects_and_search_leads_to_the_object_page_with_its_relationships()
    {
        var tag = "Br" + Guid.NewGuid().ToString("N")[..8];
        var actor = Stix("threat-actor", $"{tag} claimant group", new JsonObject { ["threat_actor_types"] = new JsonArray("terrorist") });
        var indicator = Stix("indicator", $"{tag} rental car plate", new JsonObject
        {
            ["pattern"] = "[ipv4-addr:value = '198.51.100.23']", ["pattern_type"] = "stix", ["valid_from"] = "2026-03-01T10:00:00.000Z",
        });
        var relationship = new JsonObject
        {
            ["type"] = "relationship", ["spec_version"] = "2.1", ["id"] = $"relationship--{Guid.NewGuid()}",
            ["created"] = "2026-03-01T10:00:00.000Z", ["modified"] = "2026-03-01T10:00:00.000Z",
            ["relationship_type"] = "indicates", ["source_ref"] = (string)indicator["id"]!, ["target_ref"] = (string)actor["id"]!,
        };
        var stix20 = Stix("threat-actor", $"{tag} old format");
        stix20.Remove("spec_version");
        var bundle = new JsonObject { ["type"] = "bundle", ["id"] = $"bundle--{Guid.NewGuid()}", ["objects"] = new JsonArray(actor, indicator, relationship, stix20) };

        var page = await browser.LoginAs("pk.analyst");
        await page.GotoAsync("/Intelligence");
        await page.Locator("[data-testid=intelligence-import-link]").ClickAsync();
        await page.Locator("[data-testid=intelligence-import-collection]").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("[data-testid=intelligence-import-file]").SetInputFilesAsync(new FilePayload
        {
            Name = "bundle.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(bundle.ToJsonString()),
        });
        await page.Locator("[data-testid=intelligence-import-submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=import-accepted]")).ToHaveTextAsync("3");
        await Expect(page.Locator("[data-testid=import-refused]")).ToHaveTextAsync("1");
        await Expect(page.Locator("[data-testid=import-failure]")).ToContainTextAsync("STIX 2.0");
        await BrowserApp.ScreenshotAsync(page, "intelligence-import-report");

        await page.GotoAsync("/Intelligence");
        await page.Locator("[data-testid=intelligence-q]").FillAsync(tag);
        await page.Locator("[data-testid=intelligence-q]").PressAsync("Enter");
        await Expect(page.Locator("[data-testid=intelligence-result]")).ToHaveCountAsync(2); // the actor and the indicator (the relationship has no name to match)
        await page.Locator("[data-testid=intelligence-results]").GetByText($"{tag} claimant group").ClickAsync();
        await Expect(page.Locator("[data-testid=stix-name]")).ToHaveTextAsync($"{tag} claimant group");
        await Expect(page.Locator("[data-testid=stix-relationship]")).ToContainTextAsync("indicates");
        await BrowserApp.ScreenshotAsync(page, "intelligence-object-relationships");
        await page.Locator("[data-testid=stix-related-link]").ClickAsync();
        await Expect(page.Locator("[data-testid=stix-name]")).ToHaveTextAsync($"{tag} rental car plate");
        await Expect(page.Locator("[data-property=pattern]")).ToContainTextAsync("198.51.100.23");
    }

    [Fact]
    public async Task Indicator_written_by_hand_is_shown_to_its_release_to_partner_and_revoked_by_its_owner()
    {
        var name = "Safe house IP " + Guid.NewGuid().ToString("N")[..6];
        var page = await browser.LoginAs("pk.analyst");
        await page.GotoAsync("/Intelligence");
        await page.Locator("[data-testid=intelligence-write-link]").ClickAsync();
        var form = page.Locator("[data-testid=stix-write-form]");
        await form.Locator("[data-testid=stix-write-type]").SelectOptionAsync("indicator");
        await form.Locator("[data-testid=stix-write-collection]").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await form.Locator("[data-testid=stix-write-name]").FillAsync(name);
        // A broken pattern first: the form says what is wrong and keeps the input.
        await form.Locator("[data-testid=stix-write-pattern]").FillAsync("[ipv4-addr:value = '203.0.113.9'");
        await form.Locator("[data-testid=marking-release-to]").FillAsync("CN-MPS");
        await form.Locator("[data-testid=stix-write-submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=form-errors] [data-field='properties.pattern']")).ToContainTextAsync("Not a STIX pattern");
        await BrowserApp.ScreenshotAsync(page, "intelligence-write-bad-pattern");
        await page.Locator("[data-testid=stix-write-pattern]").FillAsync("[ipv4-addr:value = '203.0.113.9']");
        await page.Locator("[data-testid=stix-write-submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=stix-name]")).ToHaveTextAsync(name);
        await Expect(page.Locator("[data-testid=stix-release-to]")).ToHaveTextAsync("CN-MPS");
        await BrowserApp.ScreenshotAsync(page, "intelligence-written-indicator");
        var url = page.Url;

        var liaison = await browser.LoginAs("cn.liaison");
        await liaison.GotoAsync("/Intelligence");
        await liaison.Locator("[data-testid=intelligence-q]").FillAsync(name);
        await liaison.Locator("[data-testid=intelligence-q]").PressAsync("Enter");
        await liaison.Locator("[data-testid=intelligence-results]").GetByText(name).ClickAsync();
        await Expect(liaison.Locator("[data-property=pattern]")).ToContainTextAsync("203.0.113.9");
        await Expect(liaison.Locator("[data-testid=stix-owner-actions]")).ToHaveCountAsync(0);

        await page.GotoAsync(url);
        await page.Locator("[data-testid=stix-revoke-open]").ClickAsync();
        await page.Locator("[data-testid=stix-revoke]").ClickAsync();
        await Expect(page.Locator("[data-testid=stix-version]")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-testid=stix-owner-actions]")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "intelligence-revoked-indicator");
    }
}
