using System.Net;
using System.Text.Json;
using Jsms.Features.Demo;
using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Accounts;

/// <summary>
/// Failures slow the guesser, never lock out the owner: counted per address and account name, spaced out per account
/// only for addresses the account never signed in from, answered with 429 and Retry-After (docs/security.md).
/// </summary>
public sealed class SignInThrottlingTests(TrustedProxyTestApp app) : IClassFixture<TrustedProxyTestApp>
{
    private const string Password = DemoScenario.DemoPassword;

    [Fact]
    public async Task Anonymous_failures_from_other_addresses_do_not_lock_the_user_out_of_their_own()
    {
        await app.AddUserAsync("throttle.victim");
        Assert.Equal(HttpStatusCode.OK, (await app.TokenFromAsync("198.51.100.1", "throttle.victim", Password)).StatusCode);

        // A patient attacker on six addresses, five guesses each, waiting whenever told to.
        var waits = new List<int>();
        for (var address = 1; address <= 6; address++)
        {
            for (var guess = 0; guess < 5; guess++)
            {
                var answer = await app.TokenFromAsync($"203.0.113.{address}", "throttle.victim", $"guess-{address}-{guess}");
                if (answer.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    waits.Add(SignInRequests.RetryAfterSeconds(answer));
                    app.Clock.Advance(TimeSpan.FromSeconds(waits[^1]));
                    answer = await app.TokenFromAsync($"203.0.113.{address}", "throttle.victim", $"guess-{address}-{guess}");
                }
                Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
            }
        }

        // Past ten failures in the hour each further guess at the account waits twice as long.
        Assert.Equal([1, 2, 4, 8, 16], waits.Take(5));
        // The user, from the address they signed in from before, is let in at once.
        Assert.Equal(HttpStatusCode.OK, (await app.TokenFromAsync("198.51.100.1", "throttle.victim", Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.LoginPageFromAsync("198.51.100.1", "throttle.victim", Password)).StatusCode);
        // From a new address even the right password waits (a delay, not a lock), then works.
        var elsewhere = await app.TokenFromAsync("192.0.2.77", "throttle.victim", Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, elsewhere.StatusCode);
        var wait = SignInRequests.RetryAfterSeconds(elsewhere);
        Assert.InRange(wait, 1, 300);
        app.Clock.Advance(TimeSpan.FromSeconds(wait));
        Assert.Equal(HttpStatusCode.OK, (await app.TokenFromAsync("192.0.2.77", "throttle.victim", Password)).StatusCode);
    }

    [Fact]
    public async Task Five_failures_from_one_address_make_that_address_wait_at_that_account_until_the_window_ends()
    {
        await app.AddUserAsync("throttle.pair");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.TokenFromAsync("203.0.113.20", "throttle.pair", $"wrong-{i}")).StatusCode);
        }

        var refused = await app.TokenFromAsync("203.0.113.20", "throttle.pair", Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(15 * 60, SignInRequests.RetryAfterSeconds(refused));
        Assert.Equal("Too many sign-in attempts; try again in 900 seconds.", (await refused.ProblemAsync()).Detail);
        // The user elsewhere is not affected, and the same address may still try other names.
        Assert.Equal(HttpStatusCode.OK, (await app.TokenFromAsync("198.51.100.20", "throttle.pair", Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.TokenFromAsync("203.0.113.20", "throttle.other", "wrong")).StatusCode);
        var audited = await app.AuditEntriesAsync(e => e.UserName == "throttle.pair" && e.Action == "login.failure");
        Assert.Contains(audited, e => e.Detail == "api: Throttled" && e.RemoteAddress == "203.0.113.20");

        app.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.OK, (await app.TokenFromAsync("203.0.113.20", "throttle.pair", Password)).StatusCode);
    }

    [Fact]
    public async Task A_name_that_does_not_exist_is_throttled_exactly_like_one_that_does()
    {
        await app.AddUserAsync("throttle.exists");
        var answers = new Dictionary<string, List<(HttpStatusCode, string?, string)>>();
        foreach (var name in new[] { "throttle.exists", "throttle.absent" })
        {
            answers[name] = [];
            for (var i = 0; i < 6; i++)
            {
                var answer = await app.TokenFromAsync("203.0.113.25", name, $"wrong-{i}");
                answers[name].Add((answer.StatusCode, answer.Headers.RetryAfter?.ToString(), await SignInRequests.ComparableBodyAsync(answer)));
            }
        }

        Assert.Equal(answers["throttle.exists"], answers["throttle.absent"]);
        Assert.Equal(HttpStatusCode.TooManyRequests, answers["throttle.absent"][^1].Item1);
    }

    [Fact]
    public async Task Taxii_basic_authentication_is_throttled_and_shares_the_counts_of_the_other_paths()
    {
        await app.AddUserAsync("throttle.taxii");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.TaxiiBasicFromAsync("203.0.113.40", "throttle.taxii", $"wrong-{i}")).StatusCode);
        }

        var refused = await app.TaxiiBasicFromAsync("203.0.113.40", "throttle.taxii", Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(900, SignInRequests.RetryAfterSeconds(refused));
        var error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("429", error.GetProperty("http_status").GetString());
        Assert.Equal(HttpStatusCode.TooManyRequests, (await app.TokenFromAsync("203.0.113.40", "throttle.taxii", Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.TaxiiBasicFromAsync("198.51.100.40", "throttle.taxii", Password)).StatusCode);
    }

    [Fact]
    public async Task The_login_page_is_throttled_after_five_failures_from_one_address()
    {
        await app.AddUserAsync("throttle.web");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.LoginPageFromAsync("203.0.113.50", "throttle.web", $"wrong-{i}")).StatusCode);
        }

        var refused = await app.LoginPageFromAsync("203.0.113.50", "throttle.web", Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(900, SignInRequests.RetryAfterSeconds(refused));
        Assert.Equal("Too many sign-in attempts. Try again in 900 seconds.", await SignInRequests.LoginErrorAsync(refused));
        Assert.Equal(HttpStatusCode.Redirect, (await app.LoginPageFromAsync("198.51.100.50", "throttle.web", Password)).StatusCode);
    }

    [Fact]
    public async Task The_login_page_is_under_the_same_request_limit_per_address_as_the_token_endpoint()
    {
        using var client = app.Anonymous();
        var statuses = new List<HttpStatusCode>();
        // 61 posts (refused by the antiforgery check, after the limit): whichever way the one-minute windows fall,
        // one window holds more than the 30 allowed.
        for (var i = 0; i < 61; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/Accounts/Login") { Content = new FormUrlEncodedContent([]) };
            request.Headers.Add("X-Forwarded-For", "203.0.113.60");
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(response.Headers.RetryAfter);
                break;
            }
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.InRange(statuses.Count, 31, 61);
        // Showing the page is not an attempt, and other addresses are not affected.
        using var show = new HttpRequestMessage(HttpMethod.Get, "/Accounts/Login");
        show.Headers.Add("X-Forwarded-For", "203.0.113.60");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(show)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.LoginPageFromAsync("198.51.100.60", "pk.viewer", Password)).StatusCode);
    }
}
