using Jsms.BrowserTests.Infrastructure;
using Jsms.Platform.Access;
using Jsms.Features.Consultations;
using Jsms.Features.Partners;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jsms.BrowserTests;

/// <summary>
/// The key scenario of the consultations module, through the browser: a commitment released to one
/// partner is seen by that partner and by no one else. Written against the consultations pages'
/// agreed selectors before those pages existed on this branch (trait needs=consultations-ui).
/// </summary>
[Trait("needs", "consultations-ui")]
public sealed class ConsultationsScenarioTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Commitment_released_to_CN_MPS_reaches_cn_liaison_but_not_ru_analyst()
    {
        var dialogueId = await PakistanChinaDialogueAsync();
        var title = "Joint border patrol schedule " + Guid.NewGuid().ToString("N")[..6];

        var coordinator = await browser.LoginAs("pk.coordinator");
        await coordinator.GotoAsync($"/Consultations/Dialogue/{dialogueId}");
        var form = coordinator.Locator("[data-testid=new-commitment-form]");
        await Expect(form).ToBeVisibleAsync();
        await form.Locator("[data-testid=commitment-title-input]").FillAsync(title);
        await form.Locator("textarea[name$=Description]").FillAsync("Agreed at the spring round of the joint working group.");
        await form.Locator("[data-testid=commitment-responsible]").SelectOptionAsync("PK-NACTA");
        // Due in two weeks (the clock stands at 2026-03-10).
        await form.Locator("[data-testid=commitment-due]").FillAsync("2026-03-24");
        await form.Locator("[data-testid=marking-tlp]").SelectOptionAsync("AMBER");
        await form.Locator("[data-testid=marking-release-to]").FillAsync("CN-MPS");
        await form.Locator("button[type=submit]").ClickAsync();

        // Back on the dialogue, in its list of commitments, marked AMBER.
        await Expect(CommitmentRow(coordinator, title)).ToHaveCountAsync(1);
        await Expect(CommitmentRow(coordinator, title).Locator(".tlp")).ToContainTextAsync("AMBER");
        await Expect(coordinator.Locator(".field-error")).ToHaveCountAsync(0);

        // The dashboard lists overdue commitments: let the due date pass (sessions last 8 hours, so sign in again).
        browser.App.Clock.Advance(TimeSpan.FromDays(21));

        coordinator = await browser.LoginAs("pk.coordinator");
        await Expect(CommitmentRow(coordinator, title)).ToHaveCountAsync(1);
        await BrowserApp.ScreenshotAsync(coordinator, "dashboard-overdue-pk.coordinator");

        var liaison = await browser.LoginAs("cn.liaison");
        await Expect(CommitmentRow(liaison, title)).ToHaveCountAsync(1);
        await Expect(CommitmentRow(liaison, title).Locator(".tlp")).ToContainTextAsync("AMBER");
        await BrowserApp.ScreenshotAsync(liaison, "dashboard-overdue-cn.liaison");

        var outsider = await browser.LoginAs("ru.analyst");
        await Expect(outsider.Locator("[data-testid=current-user]")).ToHaveTextAsync("ru.analyst");
        await Expect(outsider.Locator("main h1")).ToBeVisibleAsync();
        await Expect(CommitmentRow(outsider, title)).ToHaveCountAsync(0);
        await outsider.GotoAsync("/Consultations");
        await Expect(outsider.GetByText(title)).ToHaveCountAsync(0);
        // Not even by its address: a record the caller may not see does not exist for them.
        var commitmentId = await browser.App.WithDb(db => db.Set<Commitment>().Where(c => c.Title == title).Select(c => c.Id).SingleAsync());
        var response = await outsider.GotoAsync($"/Consultations/Commitment/{commitmentId}");
        Assert.Equal(404, response?.Status);
    }

    private static ILocator CommitmentRow(IPage page, string title)
        => page.Locator("[data-testid=commitment-row]", new PageLocatorOptions { HasText = title });

    /// <summary>A dialogue of PK-NACTA with CN-MPS from the demo; created here if the demo has none.</summary>
    private Task<Guid> PakistanChinaDialogueAsync() => browser.App.WithDb(async db =>
    {
        var agencies = await db.Set<Agency>().Where(a => a.Code == "PK-NACTA" || a.Code == "CN-MPS").ToDictionaryAsync(a => a.Code, a => a.Id);
        var pk = agencies["PK-NACTA"];
        var cn = agencies["CN-MPS"];
        var existing = await db.Set<Dialogue>()
            .Where(d => d.OwnerAgencyId == pk && d.Parties.Any(p => p.AgencyId == cn) && d.Tlp != Tlp.Red && d.Tlp != Tlp.AmberStrict)
            .Select(d => (Guid?)d.Id).FirstOrDefaultAsync();
        if (existing is { } id)
        {
            return id;
        }
        var coordinator = await db.Users.Where(u => u.UserName == "pk.coordinator").Select(u => u.Id).SingleAsync();
        var dialogue = new Dialogue
        {
            Id = Guid.NewGuid(),
            Title = "China–Pakistan counter-terrorism dialogue",
            Format = "Working group",
            CreatedAt = browser.App.Clock.GetUtcNow().UtcDateTime,
            OwnerAgencyId = pk,
            Tlp = Tlp.Green,
            CreatedByUserId = coordinator,
            Parties = [new DialogueParty { AgencyId = pk }, new DialogueParty { AgencyId = cn }],
        };
        db.Add(dialogue);
        await db.SaveChangesAsync();
        return dialogue.Id;
    });
}
