using System.Collections;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Jsms.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Jsms.Tests.Platform;

/// <summary>
/// Every endpoint that takes a body, found in the app's own endpoint list (so a new one is covered without touching this
/// file), gets malformed bodies from a writer who may call it: broken and truncated JSON, wrong types, empty arrays,
/// non-finite and huge numbers in every numeric field of its request type, a truncated multipart upload, an empty body and
/// the wrong content type. None may answer 5xx; a 4xx from the API is a ProblemDetails body.
/// </summary>
public sealed class MalformedBodyTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    private static readonly string[] BodyMethods = ["POST", "PUT", "PATCH"];

    private static readonly string[] NonFinite = ["1e309", "-1e309", "1e999999", "1" + new string('0', 400)];

    private sealed record Body(string Name, string ContentType, string Text);

    [Fact]
    public async Task No_endpoint_answers_5xx_to_a_malformed_body_and_every_api_refusal_is_a_problem()
    {
        var endpoints = app.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(e => e.Methods.Any(m => BodyMethods.Contains(m)))
            .ToList();
        Assert.True(endpoints.Count > 40, $"Only {endpoints.Count} endpoints with a body were found.");

        var failures = new List<string>();
        var sent = 0;
        foreach (var (endpoint, methods) in endpoints)
        {
            var path = Path(endpoint.RoutePattern);
            var requestType = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            foreach (var method in methods.Where(m => BodyMethods.Contains(m)))
            {
                foreach (var body in Bodies(requestType))
                {
                    // A fresh client each time: an endpoint given a body it half accepts must not spoil the next request.
                    using var client = await app.LoginAs("admin");
                    using var request = new HttpRequestMessage(new HttpMethod(method), path)
                    {
                        Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.Text)),
                    };
                    request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(body.ContentType);
                    using var response = await client.SendAsync(request);
                    sent++;
                    var status = (int)response.StatusCode;
                    var what = $"{method} {path} with {body.Name}: {status}";
                    if (status >= 500)
                    {
                        failures.Add(what);
                    }
                    else if (status >= 400 && path.StartsWith("/api/", StringComparison.Ordinal)
                        && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    {
                        failures.Add($"{what} without a ProblemDetails body ({response.Content.Headers.ContentType?.MediaType ?? "no content type"})");
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests failed:\n" + string.Join("\n", failures));
    }

    [Theory]
    [InlineData("1e309")]
    [InlineData("-1e309")]
    [InlineData("\"1e309\"")]
    public async Task A_non_finite_number_in_a_json_body_is_a_400_naming_the_field(string number)
    {
        using var client = await app.LoginAs("pk.analyst");
        using var content = new StringContent($$"""{"code":"fuzz-{{Guid.NewGuid():N}}","name":"Gate","kind":"Gate","latitude":24.9,"longitude":{{number}}}""",
            Encoding.UTF8, "application/json");
        var response = await client.PostAsync("/api/sensors", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        var errors = ((JsonElement)problem.Extensions["errors"]!).Deserialize<Dictionary<string, string[]>>()!;
        Assert.Equal(["longitude"], errors.Keys);
        Assert.Contains("finite", errors["longitude"][0], StringComparison.Ordinal);
    }

    private static string Path(RoutePattern pattern)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content == "guid") => Guid.NewGuid().ToString(),
                    RoutePatternParameterPart => "fuzz",
                    _ => "",
                });
            }
        }
        return path.Length == 0 ? "/" : path.ToString();
    }

    private static IEnumerable<Body> Bodies(Type? requestType)
    {
        const string json = "application/json";
        var sample = Sample(requestType ?? typeof(object), "1.5", 0);
        yield return new("an empty body", json, "");
        yield return new("invalid JSON", json, "{");
        yield return new("truncated JSON", json, sample[..(sample.Length / 2)]);
        yield return new("an empty object", json, "{}");
        yield return new("an empty array", json, "[]");
        yield return new("an array of an empty object", json, "[{}]");
        yield return new("null", json, "null");
        yield return new("a string", json, "\"text\"");
        yield return new("wrong types in every field", json, Sample(requestType ?? typeof(object), "{\"nested\":[true]}", 0, allScalars: true));
        yield return new("empty arrays in every field", json, Sample(requestType ?? typeof(object), "1.5", 0, emptyArrays: true));
        foreach (var number in NonFinite)
        {
            yield return new($"{number[..Math.Min(8, number.Length)]} in every number", json, Sample(requestType ?? typeof(object), number, 0));
            yield return new($"\"{number[..Math.Min(8, number.Length)]}\" as text in every number", json, Sample(requestType ?? typeof(object), $"\"{number}\"", 0));
        }
        yield return new("the wrong content type", "text/plain", sample);
        yield return new("XML", "application/xml", "<event version=\"2.0\" uid=\"x\"><point lat=\"1e309\"");
        yield return new("a form with non-finite numbers", "application/x-www-form-urlencoded", "id=fuzz&lat=1e309&lon=-1e309&speed=1e309&bearing=1e309&altitude=1e309&accuracy=1e309");
        yield return new("CSV with non-finite numbers", "text/csv", "deviceId,time,lat,lon,speed\nfuzz,2026-03-10T08:00:00Z,1e309,-1e309,1e309\n");
        const string boundary = "fuzzboundary";
        foreach (var field in new[] { "file", "sdn", "bundle" })
        {
            yield return new($"a truncated multipart upload ({field})", $"multipart/form-data; boundary={boundary}",
                $"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"list.csv\"\r\nContent-Type: text/csv\r\n\r\nname\r\nAlpha");
        }
        yield return new("a multipart body without its boundary", "multipart/form-data", "--x\r\n\r\n");
    }

    /// <summary>A JSON instance of the request type with <paramref name="number"/> in every numeric field (and, when asked, in every field).</summary>
    private static string Sample(Type type, string number, int depth, bool allScalars = false, bool emptyArrays = false)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (allScalars && depth > 0 && (type.IsPrimitive || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid) || type == typeof(DateTime)
            || type == typeof(DateTimeOffset) || type.IsEnum))
        {
            return number;
        }
        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal) || type == typeof(int) || type == typeof(long) || type == typeof(short))
        {
            return number;
        }
        if (type == typeof(string))
        {
            return "\"fuzz\"";
        }
        if (type == typeof(bool))
        {
            return "true";
        }
        if (type == typeof(Guid))
        {
            return $"\"{Guid.NewGuid()}\"";
        }
        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return "\"2026-03-10T08:00:00Z\"";
        }
        if (type == typeof(DateOnly))
        {
            return "\"2026-03-10\"";
        }
        if (type.IsEnum)
        {
            return $"\"{Enum.GetNames(type).FirstOrDefault()}\"";
        }
        if (depth > 4 || type == typeof(object) || type == typeof(JsonElement) || typeof(IDictionary).IsAssignableFrom(type))
        {
            return "{}";
        }
        var element = type.IsArray ? type.GetElementType()
            : type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0] : null;
        if (element is not null)
        {
            return emptyArrays ? "[]" : $"[{Sample(element, number, depth + 1, allScalars, emptyArrays)}]";
        }
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0);
        return "{" + string.Join(",", properties.Select(p =>
            $"\"{JsonNamingPolicy.CamelCase.ConvertName(p.Name)}\":{Sample(p.PropertyType, number, depth + 1, allScalars, emptyArrays)}")) + "}";
    }
}
