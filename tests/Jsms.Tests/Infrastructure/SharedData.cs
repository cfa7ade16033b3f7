namespace Jsms.Tests.Infrastructure;

/// <summary>
/// The project's shared test data (`shared/data`, beside the repository clone): found by walking up
/// from the test binaries, or named by <c>JSMS_SHARED_DATA</c>.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Directory => Root.Value;

    public static string PathOf(params string[] parts) => System.IO.Path.Combine([Directory, .. parts]);

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("JSMS_SHARED_DATA") is { Length: > 0 } configured)
        {
            return configured;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("shared/data was not found above the test binaries: set JSMS_SHARED_DATA.");
    }
}
