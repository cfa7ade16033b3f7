namespace Jsms.Tests.Infrastructure;

/// <summary>
/// The project's shared test data (sanctions lists, STIX schemas and examples, TAXII reference data): the folder named by
/// <c>JSMS_SHARED_DATA</c>, else <c>shared/data</c> found walking up from the test binaries (<c>../shared/data</c> beside
/// the repository clone). A test that needs it and finds neither fails with <see cref="MissingMessage"/>; scripts/test.sh
/// checks the same before it builds.
/// </summary>
public static class SharedData
{
    public const string Variable = "JSMS_SHARED_DATA";

    private static readonly Lazy<string> Root = new(Find);

    public static string Directory => Root.Value;

    public static string PathOf(params string[] parts) => System.IO.Path.Combine([Directory, .. parts]);

    public static string MissingMessage =>
        $"The shared test data folder was not found: set {Variable} to it (by default ../shared/data beside the repository, holding sanctions/, stix2/ and taxii/).";

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            return System.IO.Directory.Exists(configured)
                ? configured
                : throw new DirectoryNotFoundException($"{Variable} names {configured}, which does not exist. {MissingMessage}");
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException(MissingMessage);
    }
}
