using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace Jsms.Tests.Infrastructure;

/// <summary>The HTTP helpers of the tests: JSON read and written as the API does it (enums as names), status asserted.</summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<T> Read<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Options)!;
    }

    /// <summary>GETs a URL whatever its status: the status, the JSON body (default when empty) and the response.</summary>
    public static async Task<(int Status, JsonElement Body, HttpResponseMessage Response)> GetJson(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement, response);
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
