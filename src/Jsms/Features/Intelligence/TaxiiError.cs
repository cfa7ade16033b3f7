using System.Text.Json;

namespace Jsms.Features.Intelligence;

/// <summary>The TAXII 2.1 error message resource (title, description, http_status).</summary>
internal static class TaxiiError
{
    public static IResult Result(int status, string title, string description)
        => new TaxiiJson(status, w => Write(w, status, title, description));

    public static Task WriteAsync(HttpContext context, int status, string title, string description)
        => Result(status, title, description).ExecuteAsync(context);

    private static void Write(Utf8JsonWriter w, int status, string title, string description)
    {
        w.WriteStartObject();
        w.WriteString("title", title);
        w.WriteString("description", description);
        w.WriteString("http_status", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteEndObject();
    }
}
