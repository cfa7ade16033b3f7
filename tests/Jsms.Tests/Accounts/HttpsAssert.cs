namespace Jsms.Tests.Accounts;

internal static class HttpsAssert
{
    public static void NoHsts(params HttpResponseMessage[] responses)
        => Assert.All(responses, r => Assert.False(r.Headers.Contains("Strict-Transport-Security")));

    /// <summary>Every cookie set (antiforgery on the page, auth on sign-in) is, or is not, marked Secure.</summary>
    public static void CookiesAre(bool secure, HttpResponseMessage page, HttpResponseMessage signIn)
    {
        var cookies = SignInRequests.SetCookies(page).Concat(SignInRequests.SetCookies(signIn)).ToList();
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Equal(secure, c.Split(';').Any(part => part.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase))));
    }
}
