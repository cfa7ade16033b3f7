namespace Jsms.Features.Map;

/// <summary>
/// With the demo and no base map configured, builds the demo base map at start-up, in the background (the pages show the
/// country outlines until it is there). One build at a time across processes: the lock file beside it.
/// </summary>
internal sealed class DemoBaseMapBuilder(BaseMap baseMap, ILogger<DemoBaseMapBuilder> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!baseMap.UsesDemoBaseMap || File.Exists(BaseMap.DemoPath) || !BaseMapBuilder.SourcesExist(BaseMapBuilder.DefaultSources))
        {
            return Task.CompletedTask;
        }
        return Task.Run(async () =>
        {
            try
            {
                await EnsureBuiltAsync(logger, stoppingToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                logger.LogWarning("The demo base map could not be built: {Message}. The map shows country outlines.", e.Message);
            }
        }, stoppingToken);
    }

    /// <summary>Builds the demo base map unless it exists; waits while another process builds it.</summary>
    public static async Task EnsureBuiltAsync(ILogger logger, CancellationToken cancellationToken)
    {
        var lockPath = BaseMap.DemoPath + ".lock";
        while (!File.Exists(BaseMap.DemoPath))
        {
            FileStream held;
            try
            {
                held = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                // Another process builds it: wait for it to finish.
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
                continue;
            }
            using (held)
            {
                if (File.Exists(BaseMap.DemoPath)) { return; }
                logger.LogInformation("Building the demo base map (once) into {Path}", BaseMap.DemoPath);
                var (tiles, elapsed) = BaseMapBuilder.Load(BaseMapBuilder.DefaultSources).Build(BaseMap.DemoPath, cancellationToken);
                logger.LogInformation("Demo base map ready: {Tiles} tiles in {Seconds:0.0} s", tiles, elapsed.TotalSeconds);
            }
        }
    }
}
