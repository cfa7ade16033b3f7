using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Map;

/// <summary>An app serving a small vector MBTiles file: one gzipped tile at z2, column 2, TMS row 2 (XYZ y = 1).</summary>
public sealed class VectorTilesApp : JsmsTestApp
{
    public static readonly byte[] Tile = [0x1a, 0x02, 0x78, 0x02];

    protected override IEnumerable<string> ExtraArguments => [$"--Jsms:Map:Tiles={MbTilesFile.Create("pbf", [(2, 2, 2, MbTilesFile.Gzip(Tile))])}"];
}
