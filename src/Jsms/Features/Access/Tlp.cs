using System.Text.Json.Serialization;

namespace Jsms.Features.Access;

/// <summary>Traffic Light Protocol 2.0 levels. The exact meaning in JSMS is in docs/access-policy.md.</summary>
[JsonConverter(typeof(TlpJsonConverter))]
public enum Tlp
{
    Clear,
    Green,
    Amber,
    AmberStrict,
    Red,
}

public static class TlpNames
{
    /// <summary>The label as TLP 2.0 writes it: CLEAR, GREEN, AMBER, AMBER+STRICT, RED.</summary>
    public static string Label(this Tlp tlp) => tlp switch
    {
        Tlp.Clear => "CLEAR",
        Tlp.Green => "GREEN",
        Tlp.Amber => "AMBER",
        Tlp.AmberStrict => "AMBER+STRICT",
        Tlp.Red => "RED",
        _ => throw new ArgumentOutOfRangeException(nameof(tlp)),
    };

    public static bool TryParse(string? text, out Tlp tlp)
    {
        var normalized = (text ?? "").Trim().ToUpperInvariant().Replace("TLP:", "", StringComparison.Ordinal)
            .Replace(' ', '+').Replace('_', '+').Replace('-', '+');
        (var ok, tlp) = normalized switch
        {
            "CLEAR" or "WHITE" => (true, Tlp.Clear),
            "GREEN" => (true, Tlp.Green),
            "AMBER" => (true, Tlp.Amber),
            "AMBER+STRICT" or "AMBERSTRICT" => (true, Tlp.AmberStrict),
            "RED" => (true, Tlp.Red),
            _ => (false, Tlp.Clear),
        };
        return ok;
    }

    public static IReadOnlyList<Tlp> All { get; } = Enum.GetValues<Tlp>();
}

/// <summary>Reads and writes TLP as its TLP 2.0 label ("AMBER+STRICT"), accepting common spellings.</summary>
public sealed class TlpJsonConverter : JsonConverter<Tlp>
{
    public override Tlp Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options)
    {
        var text = reader.TokenType == System.Text.Json.JsonTokenType.String ? reader.GetString() : null;
        return TlpNames.TryParse(text, out var tlp)
            ? tlp
            : throw new System.Text.Json.JsonException($"'{text}' is not a TLP 2.0 level: use CLEAR, GREEN, AMBER, AMBER+STRICT or RED.");
    }

    public override void Write(System.Text.Json.Utf8JsonWriter writer, Tlp value, System.Text.Json.JsonSerializerOptions options)
        => writer.WriteStringValue(value.Label());
}
