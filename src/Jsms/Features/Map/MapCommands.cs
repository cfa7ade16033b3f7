using System.CommandLine;

namespace Jsms.Features.Map;

/// <summary>The map's commands: <c>map build-basemap --out FILE</c>.</summary>
internal static class MapCommands
{
    public static RootCommand AddMapCommands(this RootCommand root)
    {
        var output = new Option<FileInfo>("--out") { Description = "The MBTiles file to write.", DefaultValueFactory = _ => new FileInfo(Path.Combine("data", "basemap.mbtiles")) };
        var sources = new Option<DirectoryInfo?>("--sources") { Description = "The prepared sources (default: basemap/ beside the application)." };
        var build = new Command("build-basemap", "Build the demo base map (vector tiles) into an MBTiles file; serve it with --Jsms:Map:Tiles=FILE.") { output, sources };
        build.SetAction((result, cancellationToken) =>
        {
            var folder = result.GetValue(sources)?.FullName ?? BaseMapBuilder.DefaultSources;
            if (!BaseMapBuilder.SourcesExist(folder))
            {
                Console.Error.WriteLine($"No base map sources in {folder}: build the project first (it prepares them from the npm packages).");
                return Task.FromResult(2);
            }
            var target = result.GetValue(output)!.FullName;
            Console.WriteLine($"Building the base map from {folder} ...");
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var builder = BaseMapBuilder.Load(folder);
            Console.WriteLine($"Read the sources in {watch.Elapsed.TotalSeconds:0.0} s.");
            var (tiles, elapsed) = builder.Build(target, cancellationToken);
            Console.WriteLine($"Wrote {tiles} tiles to {target} in {elapsed.TotalSeconds:0.0} s. Serve it with --Jsms:Map:Tiles={target}");
            return Task.FromResult(0);
        });
        var map = new Command("map", "The base map.") { build };
        root.Subcommands.Add(map);
        return root;
    }
}
