using System.Text.Json;

namespace Jsms.Features.Intelligence;

/// <summary>A TAXII 2.1 response: the TAXII media type and a body written straight to the response.</summary>
internal sealed class TaxiiJson(int status, Action<Utf8JsonWriter> write) : IResult
{
    public Dictionary<string, string> Headers { get; } = [];

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = TaxiiEndpoints.MediaType;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }
        await using var writer = new Utf8JsonWriter(response.BodyWriter);
        write(writer);
        await writer.FlushAsync();
    }
}
