using Jsms.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Jsms.BrowserTests;

/// <summary>A request for information through the browser: Pakistan asks China, China answers, Russia never sees it.</summary>
public sealed class IntelligenceRfiTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Request_asked_of_CN_MPS_is_answered_by_cn_liaison_and_hidden_from_ru_analyst()
    {
        var title = "Who rented the car " + Guid.NewGuid().ToString("N")[..6];
        var asker = await browser.LoginAs("pk.analyst");
        await asker.GotoAsync("/Intelligence/Rfis");
        var form = asker.Locator("[data-testid=rfi-ask-form]");
        await form.Locator("[data-testid=rfi-to]").FillAsync("CN-MPS");
        await form.Locator("[data-testid=rfi-title]").FillAsync(title);
        await form.Locator("[data-testid=rfi-question]").FillAsync("Which company rented the vehicle used on 9 March?");
        await form.Locator("[data-testid=rfi-ask]").ClickAsync();
        await Expect(asker.Locator("[data-testid=rfi-title]")).ToHaveTextAsync(title);
        var url = asker.Url;

        var liaison = await browser.LoginAs("cn.liaison");
        await liaison.GotoAsync("/Intelligence/Rfis");
        await liaison.Locator("[data-testid=rfi-inbox]").GetByText(title).ClickAsync();
        await liaison.Locator("[data-testid=rfi-answer-text]").FillAsync("A rental company in Karachi; details follow.");
        await liaison.Locator("[data-testid=rfi-answer-send]").ClickAsync();
        await Expect(liaison.Locator("[data-testid=rfi-answer]")).ToContainTextAsync("A rental company in Karachi");
        await BrowserApp.ScreenshotAsync(liaison, "rfi-answered-cn.liaison");

        await asker.GotoAsync(url);
        await Expect(asker.Locator("[data-testid=rfi-answer]")).ToContainTextAsync("A rental company in Karachi");

        var outsider = await browser.LoginAs("ru.analyst");
        await outsider.GotoAsync("/Intelligence/Rfis");
        await Expect(outsider.GetByText(title)).ToHaveCountAsync(0);
    }
}
