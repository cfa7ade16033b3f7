using System.Net.Http.Headers;

namespace Jsms.Tests.Incidents;

/// <summary>The sample files of tests/Jsms.Tests/Incidents/Samples (copied beside the test binaries), and uploading a file.</summary>
public static class IncidentSamples
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Incidents", "Samples", name);

    public static Task<HttpResponseMessage> ImportFileAsync(this HttpClient client, string format, string path, string query = "")
        => client.ImportTextAsync(format, File.ReadAllText(path), System.IO.Path.GetFileName(path), query);

    public static async Task<HttpResponseMessage> ImportTextAsync(this HttpClient client, string format, string csv, string fileName = "upload.csv", string query = "")
    {
        using var content = new MultipartFormDataContent();
        var file = new StringContent(csv);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", fileName);
        return await client.PostAsync($"/api/incidents/import?format={format}{query}", content);
    }
}
