using System.Text.Json;
using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Access;

/// <summary>
/// One operation of the app's OpenAPI document: its method, path template (<c>/api/exercises/{id}</c>) and the first media
/// type its request body is documented with (JSON when none), so a refusal is not a 415 for the wrong type.
/// </summary>
internal sealed record ApiOperation(string Method, string Path, string ContentType)
{
    public static readonly string[] WriteMethods = ["POST", "PUT", "PATCH", "DELETE"];

    public bool IsWrite => WriteMethods.Contains(Method);

    /// <summary>The path with each parameter replaced by a fresh id (a record that exists nowhere).</summary>
    public string WithUnknownIds() => string.Join('/', Path.Split('/').Select(s => s.StartsWith('{') ? Guid.NewGuid().ToString() : s));

    public override string ToString() => $"{Method} {Path}";

    /// <summary>Every operation the app documents at <c>/openapi/v1.json</c>, as the app serves it.</summary>
    public static async Task<List<ApiOperation>> ReadAsync(JsmsTestApp app)
    {
        using var client = app.Anonymous();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var operations = new List<ApiOperation>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject())
            {
                if (method.Name is "get" or "post" or "put" or "patch" or "delete")
                {
                    var type = method.Value.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content)
                        ? content.EnumerateObject().Select(c => c.Name).FirstOrDefault() : null;
                    operations.Add(new ApiOperation(method.Name.ToUpperInvariant(), path.Name, type ?? "application/json"));
                }
            }
        }
        return operations;
    }
}
