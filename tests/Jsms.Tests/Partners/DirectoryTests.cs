using System.Net;
using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Partners;

/// <summary>/api/directory: the searches behind the agency and user pickers, and the forms that use them.</summary>
public sealed class DirectoryTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    internal sealed record Entry(string Code, string Name, string? Detail);

    [Fact]
    public async Task Agencies_are_found_by_code_name_or_state()
    {
        using var viewer = await app.LoginAs("pk.viewer");

        var byCode = await viewer.GetAs<List<Entry>>("/api/directory/agencies?q=cn-");
        var byState = await viewer.GetAs<List<Entry>>("/api/directory/agencies?q=russia");

        Assert.Contains(byCode, e => e.Code == "CN-MPS");
        Assert.All(byCode, e => Assert.StartsWith("CN-", e.Code, StringComparison.Ordinal));
        Assert.Contains(byState, e => e.Code == "RU-NAC" && e.Detail == "Russia");
    }

    [Fact]
    public async Task Users_are_found_by_username_or_name_with_their_agency_and_disabled_ones_are_not()
    {
        await app.AddUserAsync("directory.gone", "CN-MPS");
        using var admin = await app.LoginAs("admin");
        var goneId = await app.UserIdAsync("directory.gone");
        await app.WithDb(async db =>
        {
            var user = await db.Users.FindAsync(goneId);
            user!.IsDisabled = true;
            await db.SaveChangesAsync();
        });
        using var analyst = await app.LoginAs("pk.analyst");

        var liaison = await analyst.GetAs<List<Entry>>("/api/directory/users?q=LIAI");
        var byName = await analyst.GetAs<List<Entry>>("/api/directory/users?q=li wei");
        var ofAgency = await analyst.GetAs<List<Entry>>("/api/directory/users?agency=cn-mps");

        Assert.Contains(liaison, e => e.Code == "cn.liaison" && e.Detail == "CN-MPS");
        Assert.Contains(byName, e => e.Code == "cn.liaison");
        Assert.All(ofAgency, e => Assert.Equal("CN-MPS", e.Detail));
        Assert.DoesNotContain(ofAgency, e => e.Code == "directory.gone");
    }

    [Fact]
    public async Task The_directory_is_for_signed_in_callers_and_refuses_a_long_search()
    {
        using var anonymous = app.Anonymous();
        using var analyst = await app.LoginAs("pk.analyst");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/directory/users?q=a")).StatusCode);
        Assert.Equal(["q"], (await (await analyst.GetAsync("/api/directory/agencies?q=" + new string('x', 101))).ValidationErrors()).Keys);
    }

    [Fact]
    public async Task Marking_fields_are_search_pickers_that_post_the_same_codes()
    {
        using var analyst = await app.SignInWebAsync("pk.analyst");
        var html = await analyst.Client.GetStringAsync("/Tracking/Sensor");

        Assert.Contains("data-picker=\"agencies\"", html, StringComparison.Ordinal);
        Assert.Contains("data-picker=\"users\"", html, StringComparison.Ordinal);
        Assert.Contains("role=\"listbox\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Form.Marking.ReleaseTo\"", html, StringComparison.Ordinal);
        Assert.Contains("/js/directory-picker.js", html, StringComparison.Ordinal);

        var created = await analyst.PostFormAsync("/Tracking/Sensor", [new("Form.Code", "DIR-PICK-1"), new("Form.Name", "Picker gate"), new("Form.Kind", "Gate"),
            new("Form.Latitude", "24.9"), new("Form.Longitude", "67.1"), new("Form.Marking.Tlp", "AMBER"),
            new("Form.Marking.ReleaseTo", "CN-MPS, "), new("Form.Marking.Recipients", "cn.liaison, ")]);

        Assert.Equal("/Tracking/Sensors", BrowserlessSession.FinalPath(created));
        using var liaison = await app.LoginAs("cn.liaison");
        Assert.Contains("DIR-PICK-1", await liaison.GetStringAsync("/api/sensors"), StringComparison.Ordinal);
    }
}
