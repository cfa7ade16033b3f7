using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Jsms.Features.Audit;
using Jsms.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Consultations;

/// <summary>The app with the urgent-channel loop slowed down, so only the tests call the monitor.</summary>
public sealed class ConsultationsTestApp : JsmsTestApp
{
    protected override IEnumerable<string> ExtraArguments => ["--Jsms:UrgentChannel:CheckIntervalSeconds=3600"];

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    public Task<int> AuditCount(Guid recordId, string action)
        => WithDb(db => db.Set<AuditEntry>().CountAsync(e => e.RecordId == recordId && e.Action == action));
}

/// <summary>JSON reading and writing as the API does it (enums as names).</summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<T> Read<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Options)!;
    }

    public static async Task<T> GetAs<T>(this HttpClient client, string url) => await (await client.GetAsync(url)).Read<T>();

    public static Task<HttpResponseMessage> Post(this HttpClient client, string url, object body) => client.PostAsJsonAsync(url, body, Options);

    public static Task<HttpResponseMessage> Put(this HttpClient client, string url, object body) => client.PutAsJsonAsync(url, body, Options);

    public static Task<HttpResponseMessage> Patch(this HttpClient client, string url, object body) => client.PatchAsJsonAsync(url, body, Options);

    /// <summary>Asserts a 400 validation problem and returns its errors by field.</summary>
    public static async Task<IDictionary<string, string[]>> ValidationErrors(this HttpResponseMessage response)
    {
        var problem = await response.Read<HttpValidationProblemDetails>(HttpStatusCode.BadRequest);
        Assert.Equal(400, problem.Status);
        return problem.Errors;
    }
}
