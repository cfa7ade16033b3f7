using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Map;

/// <summary>An app whose map uses the agency's own tile server.</summary>
public sealed class TileServerApp : JsmsTestApp
{
    public const string Template = "https://tiles.agency.example/osm/{z}/{x}/{y}.png";

    protected override IEnumerable<string> ExtraArguments => [$"--Jsms:Map:TileUrl={Template}", "--Jsms:Map:Attribution=Agency tiles"];
}
