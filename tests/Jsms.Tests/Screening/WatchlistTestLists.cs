using System.Net;
using System.Net.Http.Headers;
using System.Security;
using System.Text;
using Jsms.Features.Alerts;
using Jsms.Features.Screening;
using Jsms.Features.Screening.Watchlists;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Screening;

/// <summary>Small UN lists written by the tests (so an entry can be changed between two imports), and the calls the watchlist tests share.</summary>
internal static class WatchlistTestLists
{
    internal sealed record Listed(string DataId, string Name, string? Born = null, string Comment = "Listed for the tests.");

    private static readonly string[] First = ["Abdul", "Mohammed", "Ahmad", "Hassan", "Yusuf", "Ibrahim", "Omar", "Khalid"];
    private static readonly string[] Middle = ["Rauf", "Salim", "Jamil", "Karim", "Nasir"];
    private static readonly string[] Last = ["Haqqani", "Al-Tamimi", "Durrani", "Yousafzai", "Al-Masri", "Kakar", "Baloch", "Afridi", "Mengal", "Achakzai", "Bugti"];
    private static readonly string[] AnIdentifier = ["35202-1234567-1"];

    /// <summary>Filler entries, so the index's word statistics look like a list's and not like two names.</summary>
    private static readonly Listed[] Filler = [.. Enumerable.Range(0, 40).Select(i =>
        new Listed($"88{i:00000}", $"{First[i % First.Length]} {Middle[i / First.Length % Middle.Length]} {Last[(i * 7) % Last.Length]}", $"{1950 + i}-01-0{1 + i % 9}"))];

    public static string UnXml(params Listed[] entries)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CONSOLIDATED_LIST dateGenerated=\"2026-03-01T00:00:00.000Z\"><INDIVIDUALS>");
        foreach (var e in entries.Concat(Filler))
        {
            var parts = e.Name.Split(' ', 3);
            sb.Append("<INDIVIDUAL><DATAID>").Append(e.DataId).Append("</DATAID>");
            string[] tags = ["FIRST_NAME", "SECOND_NAME", "THIRD_NAME"];
            for (var i = 0; i < parts.Length; i++)
            {
                sb.Append('<').Append(tags[i]).Append('>').Append(SecurityElement.Escape(parts[i].ToUpperInvariant())).Append("</").Append(tags[i]).Append('>');
            }
            sb.Append("<UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE><REFERENCE_NUMBER>QDi.T").Append(e.DataId[^3..]).Append("</REFERENCE_NUMBER><LISTED_ON>2020-01-01</LISTED_ON>")
                .Append("<COMMENTS1>").Append(SecurityElement.Escape(e.Comment)).Append("</COMMENTS1><NATIONALITY><VALUE>Pakistan</VALUE></NATIONALITY>");
            if (e.Born is not null)
            {
                sb.Append("<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>").Append(e.Born).Append("</DATE></INDIVIDUAL_DATE_OF_BIRTH>");
            }
            sb.Append("</INDIVIDUAL>");
        }
        return sb.Append("</INDIVIDUALS><ENTITIES></ENTITIES></CONSOLIDATED_LIST>").ToString();
    }

    public static async Task<ImportOutcome> ImportUnAsync(this JsmsTestApp app, string xml)
    {
        using var admin = await app.LoginAs("admin");
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(xml));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        form.Add(content, "file", "un-test.xml");
        var outcome = await (await admin.PostAsync("/api/screening/lists/un", form)).Read<ImportOutcome>();
        await app.RescreensDoneAsync();
        return outcome;
    }

    /// <summary>Waits until the background rescreens queued so far have run (the import answers before its rescreen).</summary>
    public static Task RescreensDoneAsync(this JsmsTestApp app) => app.Service<RescreenQueue>().WhenIdleAsync();

    /// <summary>The latest background rescreens, newest first.</summary>
    public static async Task<List<RescreenRunDto>> RescreensAsync(this HttpClient client)
        => await client.GetAs<List<RescreenRunDto>>("/api/screening/rescreens");

    public static async Task<WatchlistDto> CreateWatchlistAsync(this HttpClient client, string name, string tlp = "AMBER+STRICT", string[]? releaseTo = null)
        => await (await client.Post("/api/screening/watchlists", new { name, marking = new { tlp, releaseTo } })).Read<WatchlistDto>(HttpStatusCode.Created);

    public static async Task<SubjectDto> AddSubjectAsync(this HttpClient client, Guid watchlistId, string name, string category = "driver", string? birthDate = null)
        => await (await client.Post($"/api/screening/watchlists/{watchlistId}/subjects",
            new { name, category, type = "person", birthDate, nationality = "PK", identifiers = AnIdentifier })).Read<SubjectDto>(HttpStatusCode.Created);

    public static async Task<List<MatchDto>> MatchesOfAsync(this HttpClient client, Guid subjectId)
        => (await client.GetAs<SubjectDto>($"/api/screening/watchlists/subjects/{subjectId}")).Matches!.ToList();

    /// <summary>The watchlist alerts raised about a subject, read in the database (what was raised, whoever may read it).</summary>
    public static Task<List<Alert>> AlertsAboutAsync(this JsmsTestApp app, string subjectName)
        => app.WithDb(db => db.Set<Alert>().AsNoTracking()
            .Where(a => a.Kind == WatchlistRescreener.AlertKind && a.SubjectLabel == subjectName).OrderBy(a => a.RaisedAt).ToListAsync());
}
