using System.Net;
using System.Text.Json;
using Jsms.Features.Screening;
using Jsms.Features.Screening.Lists;
using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Screening;

public sealed class NationalListsSideBySideTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    private const string Header = "Ref,Name,DOB,Country,Reason\n";

    [Fact]
    public async Task Two_national_lists_coexist_with_their_own_versions_and_a_screening_names_the_version_of_each()
    {
        using var admin = await app.LoginAs("admin");
        var schedule = await ImportAsync(admin, new() { ["listName"] = "Proscribed persons schedule (side by side)" },
            Header + "1,Maulana Fazal Ghafoor Swati,1966,PK,Proscribed\n2,Qari Saifullah Durrani,1970,PK,Proscribed\n");
        var financing = await ImportAsync(admin, new() { ["listName"] = "Counter-terrorism financing list (side by side)" },
            Header + "1,Haji Muhammad Ashraf Tanoli,1958,PK,Financing\n");
        Assert.Equal((1, 1), (schedule.Number, financing.Number));
        Assert.NotEqual(schedule.NationalListId, financing.NationalListId);

        // The schedule's next version, picked by its id; the financing list keeps its version 1.
        var scheduleV2 = await ImportAsync(admin, new() { ["listId"] = schedule.NationalListId!.Value.ToString() },
            Header + "1,Maulana Fazal Ghafoor Swati,1966,PK,Proscribed\n3,Mufti Khalid Rehman Gujjar,1975,PK,Proscribed\n");
        Assert.Equal((2, 1, 1, 0), (scheduleV2.Number, scheduleV2.Added, scheduleV2.Removed, scheduleV2.Changed));
        Assert.Equal("Proscribed persons schedule (side by side)", scheduleV2.ListName);

        var lists = await admin.GetAs<List<NationalListDto>>("/api/screening/national/lists");
        var byName = lists.ToDictionary(l => l.Name);
        Assert.Equal((2, 2), (byName[scheduleV2.ListName!].CurrentNumber, byName[scheduleV2.ListName!].Versions));
        Assert.Equal((1, 1), (byName[financing.ListName!].CurrentNumber, byName[financing.ListName!].Versions));

        var versions = await admin.GetAs<List<JsonElement>>("/api/screening/lists");
        var current = versions.Where(v => v.GetProperty("source").GetString() == "National" && v.GetProperty("current").GetBoolean())
            .Select(v => v.GetProperty("id").GetGuid()).Order().ToList();
        Assert.Equal(new[] { scheduleV2.VersionId, financing.VersionId }.Order(), current);
        Assert.Contains(versions, v => v.GetProperty("listName").GetString() == financing.ListName && v.GetProperty("number").GetInt32() == 1);

        // Each list's entry 1 is its own entry: a screening finds the financing list's, and names the current version of both lists.
        var search = await (await admin.Post("/api/screening/search", new { name = "Muhammad Ashraf Tanoli" })).Read<ScreeningResultDto>();
        var match = search.Matches[0];
        Assert.Equal((ListSource.National, "1"), (match.Source, match.Reference));
        Assert.EndsWith(":1", match.SourceId, StringComparison.Ordinal);
        Assert.Contains($"National:{scheduleV2.VersionId}", search.ListVersions);
        Assert.Contains($"National:{financing.VersionId}", search.ListVersions);

        // Versions of two lists are not versions of one: no diff between them.
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/screening/lists/{financing.VersionId}/diff?against={schedule.VersionId}")).StatusCode);
        var diff = await admin.GetAs<JsonElement>($"/api/screening/lists/{scheduleV2.VersionId}/diff");
        Assert.Equal(schedule.VersionId, diff.GetProperty("from").GetGuid());
    }

    [Fact]
    public async Task A_list_id_that_is_not_a_national_list_is_refused_naming_the_field()
    {
        using var admin = await app.LoginAs("admin");
        using var form = Form(new() { ["listId"] = Guid.NewGuid().ToString() }, Header + "1,Some Person Name,1970,PK,Reason\n");
        var errors = await (await admin.PostAsync("/api/screening/national/import", form)).ValidationErrors();
        Assert.Contains("no national list", errors["listId"][0], StringComparison.Ordinal);
    }

    private async Task<ImportOutcome> ImportAsync(HttpClient client, Dictionary<string, string> list, string csv)
    {
        using var form = Form(list, csv);
        var outcome = await (await client.PostAsync("/api/screening/national/import", form)).Read<ImportOutcome>();
        await app.RescreensDoneAsync();
        return outcome;
    }

    private static MultipartFormDataContent Form(Dictionary<string, string> fields, string csv)
    {
        var form = new MultipartFormDataContent { { new StringContent(csv), "file", "list.csv" } };
        foreach (var (name, value) in fields.Concat(new Dictionary<string, string>
                 {
                     ["id"] = "Ref", ["name"] = "Name", ["birthDate"] = "DOB", ["nationality"] = "Country", ["reason"] = "Reason",
                 }))
        {
            form.Add(new StringContent(value), name);
        }
        return form;
    }
}
