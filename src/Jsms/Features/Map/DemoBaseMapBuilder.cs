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
        return Task.Run(() => BuildOnce(stoppingToken), stoppingToken);
    }

    private async Task BuildOnce(CancellationToken stoppingToken)
    {
        var lockPath = BaseMap.DemoPath + ".lock";
        while (!stoppingToken.IsCancellationRequested)
        {
            FileStream? held = null;
            try
            {
                held = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                // Another process builds it: wait for it to finish.
                await Task.Delay(TimeSpan.FromMilliseconds(500), stoppingToken);
                continue;
            }
            using (held)
            {
                if (File.Exists(BaseMap.DemoPath)) { return; }
                try
                {
                    logger.LogInformation("Building the demo base map (once) into {Path}", BaseMap.DemoPath);
                    var (tiles, elapsed) = BaseMapBuilder.Load(BaseMapBuilder.DefaultSources).Build(BaseMap.DemoPath, stoppingToken);
                    logger.LogInformation("Demo base map ready: {Tiles} tiles in {Seconds:0.0} s", tiles, elapsed.TotalSeconds);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
                {
                    logger.LogWarning("The demo base map could not be built: {Message}. The map shows country outlines.", e.Message);
                }
                return;
            }
        }
    }
}
