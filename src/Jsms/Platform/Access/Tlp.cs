using System.Text.Json.Serialization;

namespace Jsms.Platform.Access;

/// <summary>Traffic Light Protocol 2.0 levels. The exact meaning in JSMS is in docs/access-policy.md.</summary>
[JsonConverter(typeof(TlpJsonConverter))]
internal enum Tlp
{
    Clear,
    Green,
    Amber,
    AmberStrict,
    Red,
}
