using System.Text.Json.Nodes;
using Jsms.Platform.Access;

namespace Jsms.Features.Intelligence;

/// <summary>
/// How JSMS release markings are written in STIX 2.1 (docs/intelligence.md):
/// the TLP level as a reference to the official TLP 2.0 marking-definition object, and the release-to
/// list and named recipients in the JSMS release property-extension, whose extension-definition id is fixed here.
/// </summary>
internal static class StixMarkings
{
    /// <summary>The extension-definition of the JSMS release marking (fixed by JSMS; never changes).</summary>
    public const string ReleaseExtensionId = "extension-definition--01c29178-781f-4464-b034-26fab4b30bcb";

    /// <summary>The identity that created the JSMS extension-definition.</summary>
    public const string JsmsIdentityId = "identity--d22b9f79-17b1-400e-884e-0c427476f495";

    /// <summary>The extension-definition that the official TLP 2.0 marking-definition objects use.</summary>
    public const string Tlp2ExtensionId = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

    /// <summary>The official TLP 2.0 marking-definition ids (OASIS STIX common objects).</summary>
    public static IReadOnlyDictionary<Tlp, string> Tlp2Ids { get; } = new Dictionary<Tlp, string>
    {
        [Tlp.Clear] = "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
        [Tlp.Green] = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
        [Tlp.Amber] = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
        [Tlp.AmberStrict] = "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
        [Tlp.Red] = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
    };

    /// <summary>TLP 1.0 ids from the STIX 2.1 specification, still found in older data; read, never written.</summary>
    private static readonly Dictionary<string, Tlp> Tlp1Ids = new(StringComparer.Ordinal)
    {
        ["marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"] = Tlp.Clear,
        ["marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"] = Tlp.Green,
        ["marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"] = Tlp.Amber,
        ["marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed"] = Tlp.Red,
    };

    private static readonly Dictionary<string, Tlp> AnyTlpId =
        Tlp2Ids.ToDictionary(p => p.Value, p => p.Key).Concat(Tlp1Ids).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>The TLP a marking-definition id stands for, if it is a TLP 1.0 or 2.0 one.</summary>
    public static bool TryTlp(string markingId, out Tlp tlp) => AnyTlpId.TryGetValue(markingId, out tlp);

    /// <summary>The five official TLP 2.0 marking-definition objects.</summary>
    public static IEnumerable<JsonObject> Tlp2Definitions()
        => Tlp2Ids.Select(p => new JsonObject
        {
            ["type"] = "marking-definition",
            ["spec_version"] = "2.1",
            ["id"] = p.Value,
            ["created_by_ref"] = "identity--b3bca3c2-1f3d-4b54-b44f-dac42c3a8f01",
            ["created"] = "2022-10-01T00:00:00.000Z",
            ["name"] = "TLP:" + p.Key.Label(),
            ["extensions"] = new JsonObject
            {
                [Tlp2ExtensionId] = new JsonObject
                {
                    ["extension_type"] = "property-extension",
                    ["tlp_2_0"] = p.Key.Label().ToLowerInvariant(),
                },
            },
        });

    /// <summary>The extension-definition of the JSMS release marking.</summary>
    public static JsonObject ReleaseExtensionDefinition() => new()
    {
        ["type"] = "extension-definition",
        ["spec_version"] = "2.1",
        ["id"] = ReleaseExtensionId,
        ["created_by_ref"] = JsmsIdentityId,
        ["created"] = "2026-11-23T00:00:00.000Z",
        ["modified"] = "2026-11-23T00:00:00.000Z",
        ["name"] = "JSMS release marking",
        ["description"] = "Who an object is released to beyond its TLP level: owner_agency is the agency that owns and "
            + "releases the object; release_to lists the agency codes it is released to; named_recipients lists the "
            + "user names of individual recipients. A receiving system must not pass the object to anyone outside these lists "
            + "except as its TLP level allows.",
        ["schema"] = "JSMS docs/intelligence.md, section 'The JSMS release extension': an object with extension_type "
            + "'property-extension', owner_agency (string), release_to (array of agency codes), named_recipients (array of user names).",
        ["version"] = "1.0.0",
        ["extension_types"] = new JsonArray("property-extension"),
    };
}
