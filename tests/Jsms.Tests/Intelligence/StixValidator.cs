using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Intelligence;

/// <summary>
/// Runs tests/stix-validation/validate.js (ajv with the OASIS STIX 2.1 JSON schemas from shared/data/stix2) on
/// objects and returns its report. scripts/test.sh runs <c>npm ci</c> there first.
/// </summary>
public static class StixValidator
{
    public sealed record Result(int Checked, int Invalid, string Report);

    /// <summary>The repository's tests/stix-validation folder, found by walking up from the test binaries.</summary>
    public static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "stix-validation");
                if (File.Exists(Path.Combine(candidate, "validate.js")))
                {
                    return candidate;
                }
            }
            throw new InvalidOperationException("tests/stix-validation/validate.js not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Validates the objects (with <c>--interop=core</c> or <c>--interop</c> for the full interop profile).</summary>
    public static async Task<Result> ValidateAsync(IEnumerable<JsonNode> objects, string interop = "--interop=core")
    {
        var folder = Folder;
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules", "ajv")),
            $"ajv is not installed: run `npm ci --prefix tests/stix-validation` (scripts/test.sh does).");
        var file = Path.Combine(Path.GetTempPath(), $"jsms-stix-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, new JsonArray([.. objects.Select(o => o.DeepClone())]).ToJsonString());
        try
        {
            var start = new ProcessStartInfo("node")
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(folder, "validate.js"));
            start.ArgumentList.Add(interop);
            start.ArgumentList.Add(file);
            start.Environment[SharedData.Variable] = SharedData.Directory;
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            var text = await output;
            Assert.True(process.ExitCode is 0 or 1, $"validate.js exited with {process.ExitCode}: {await error}");
            var report = JsonDocument.Parse(text).RootElement;
            return new Result(report.GetProperty("checked").GetInt32(), report.GetProperty("invalid").GetInt32(), text);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
