using System.Net;
using System.Text.RegularExpressions;
using Jsms.Features.Demo;

namespace Jsms.Tests.Infrastructure;

/// <summary>
/// A signed-in browser without a browser: an <see cref="HttpClient"/> with a cookie container that
/// signed in through the login page, follows redirects, and posts forms with the page's antiforgery token.
/// </summary>
public sealed partial class BrowserlessSession : IDisposable
{
    private BrowserlessSession(Uri baseAddress)
    {
        Handler = new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = true, UseCookies = true };
        Client = new HttpClient(Handler) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Client { get; }

    private HttpClientHandler Handler { get; }

    /// <summary>Signs in through /Accounts/Login as a person would; fails the test if the login page refuses.</summary>
    public static async Task<BrowserlessSession> SignInAsync(JsmsTestApp app, string username, string password = DemoScenario.DemoPassword)
    {
        var session = new BrowserlessSession(app.BaseAddress);
        var response = await session.PostFormAsync("/Accounts/Login", [new("Username", username), new("Password", password)]);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || !html.Contains("data-testid=\"current-user\"", StringComparison.Ordinal))
        {
            session.Dispose();
            throw new InvalidOperationException($"Signing in as {username} failed: {(int)response.StatusCode}");
        }
        return session;
    }

    /// <summary>Fetches <paramref name="path"/> and reads the antiforgery token of its (first) form.</summary>
    public async Task<string> AntiforgeryTokenAsync(string path)
    {
        var html = await Client.GetStringAsync(path);
        return AntiforgeryToken(html)
               ?? throw new InvalidOperationException($"{path} has no antiforgery token (not a page with a form, or not allowed?)");
    }

    /// <summary>The value of the first <c>__RequestVerificationToken</c> hidden input in the page.</summary>
    public static string? AntiforgeryToken(string html)
    {
        var match = TokenInput().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups["value"].Value) : null;
    }

    /// <summary>
    /// Posts a form to <paramref name="path"/> (with <c>?handler=X</c> when given) using the token of
    /// the page at <paramref name="tokenFrom"/> (by default <paramref name="path"/> without its query).
    /// </summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string? handler = null, string? tokenFrom = null)
    {
        var token = await AntiforgeryTokenAsync(tokenFrom ?? path.Split('?')[0]);
        var target = handler is null ? path : path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;
        using var content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]);
        return await Client.PostAsync(target, content);
    }

    /// <summary>The path the client ended on after following redirects.</summary>
    public static string FinalPath(HttpResponseMessage response) => response.RequestMessage?.RequestUri?.AbsolutePath ?? "";

    public void Dispose()
    {
        Client.Dispose();
        Handler.Dispose();
    }

    // The form tag helper writes name before value: <input name="__RequestVerificationToken" type="hidden" value="..." />
    [GeneratedRegex(@"<input[^>]*name=""__RequestVerificationToken""[^>]*value=""(?<value>[^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex TokenInput();
}

public static class BrowserlessSessionExtensions
{
    /// <summary>A cookie-authenticated session of the given demo user, signed in through the login page.</summary>
    public static Task<BrowserlessSession> SignInWebAsync(this JsmsTestApp app, string username, string password = DemoScenario.DemoPassword)
        => BrowserlessSession.SignInAsync(app, username, password);
}
