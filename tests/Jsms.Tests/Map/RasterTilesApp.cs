using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Map;

/// <summary>An app serving a small raster MBTiles file: one PNG tile at z1, column 0, TMS row 0 (XYZ y = 1).</summary>
public sealed class RasterTilesApp : JsmsTestApp
{
    public static readonly byte[] Png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3];

    protected override IEnumerable<string> ExtraArguments => [$"--Jsms:Map:Tiles={MbTilesFile.Create("png", [(1, 0, 0, Png)], "Raster test data")}"];
}
