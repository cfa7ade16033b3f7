using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Accounts;

/// <summary>The three ways to give a password (token endpoint, login page, TAXII Basic), each from a chosen client address.</summary>
public static partial class SignInRequests
{
    public const string TaxiiMediaType = "application/taxii+json;version=2.1";

    public static async Task<HttpResponseMessage> TokenFromAsync(this JsmsTestApp app, string address, string username, string password)
    {
        using var client = app.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token") { Content = JsonContent.Create(new { username, password }) };
        request.Headers.Add("X-Forwarded-For", address);
        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> TaxiiBasicFromAsync(this JsmsTestApp app, string address, string username, string password)
    {
        using var client = app.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/taxii2/api/collections/");
        request.Headers.Accept.ParseAdd(TaxiiMediaType);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
        request.Headers.Add("X-Forwarded-For", address);
        return await client.SendAsync(request);
    }

    /// <summary>Opens the login page and posts the form with its antiforgery cookie and token; each request decorated alike.</summary>
    public static async Task<(HttpResponseMessage Page, HttpResponseMessage Post)> LoginPageAsync(this JsmsTestApp app, string username, string password,
        Action<HttpRequestMessage> decorate, HttpMessageHandler? handler = null, Uri? baseAddress = null)
    {
        // Cookies by hand: a cookie container would not send a Secure cookie back over plain HTTP.
        using var client = new HttpClient(handler ?? new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress ?? app.BaseAddress,
        };
        using var get = new HttpRequestMessage(HttpMethod.Get, "/Accounts/Login");
        decorate(get);
        var page = await client.SendAsync(get);
        var token = BrowserlessSession.AntiforgeryToken(await page.Content.ReadAsStringAsync())
                    ?? throw new InvalidOperationException($"The login page answered {(int)page.StatusCode} without a form.");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Accounts/Login")
        {
            Content = new FormUrlEncodedContent([new("Username", username), new("Password", password), new("__RequestVerificationToken", token)]),
        };
        post.Headers.Add("Cookie", string.Join("; ", SetCookies(page).Select(c => c.Split(';')[0])));
        decorate(post);
        return (page, await client.SendAsync(post));
    }

    public static async Task<HttpResponseMessage> LoginPageFromAsync(this JsmsTestApp app, string address, string username, string password)
        => (await app.LoginPageAsync(username, password, r => r.Headers.Add("X-Forwarded-For", address))).Post;

    public static IEnumerable<string> SetCookies(HttpResponseMessage response)
        => response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [];

    public static int RetryAfterSeconds(HttpResponseMessage response)
        => (int)(response.Headers.RetryAfter?.Delta?.TotalSeconds ?? throw new InvalidOperationException("No Retry-After in seconds."));

    /// <summary>The login page's error message, or null.</summary>
    public static async Task<string?> LoginErrorAsync(HttpResponseMessage response)
    {
        var match = LoginError().Match(await response.Content.ReadAsStringAsync());
        return match.Success ? System.Net.WebUtility.HtmlDecode(match.Groups["text"].Value) : null;
    }

    /// <summary>The body without what differs per request by design (the trace id), to compare answers.</summary>
    public static async Task<string> ComparableBodyAsync(HttpResponseMessage response)
        => TraceId().Replace(await response.Content.ReadAsStringAsync(), "");

    [GeneratedRegex("data-testid=\"login-error\">(?<text>[^<]*)<")]
    private static partial Regex LoginError();

    [GeneratedRegex(",?\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();
}
