using System.Text.Json;

namespace Jsms.Features.Intelligence;

/// <summary>The STIX ids an object refers to (<c>*_ref</c> and <c>*_refs</c> properties, at any depth), to resolve them to names.</summary>
internal static class StixRefs
{
    public static bool IsRefProperty(string name) => name.EndsWith("_ref", StringComparison.Ordinal) || name.EndsWith("_refs", StringComparison.Ordinal);

    /// <summary>A value shaped like a STIX id (<c>type--uuid</c>).</summary>
    public static bool LooksLikeId(string? value) => value is { Length: > 3 and <= 300 } && value.Contains("--", StringComparison.Ordinal);

    /// <summary>The type part of a STIX id.</summary>
    public static string TypeOf(string stixId) => stixId.IndexOf("--", StringComparison.Ordinal) is var at and > 0 ? stixId[..at] : stixId;

    public static void Collect(JsonElement element, ISet<string> into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                {
                    if (IsRefProperty(p.Name))
                    {
                        AddIds(p.Value, into);
                    }
                    else if (p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        Collect(p.Value, into);
                    }
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, into);
                }
                break;
        }
    }

    private static void AddIds(JsonElement value, ISet<string> into)
    {
        if (value.ValueKind == JsonValueKind.String && LooksLikeId(value.GetString()))
        {
            into.Add(value.GetString()!);
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && LooksLikeId(item.GetString()))
                {
                    into.Add(item.GetString()!);
                }
            }
        }
    }
}
