using System.Text.Json.Serialization;

namespace Jsms.Platform.Access;

/// <summary>Reads and writes TLP as its TLP 2.0 label ("AMBER+STRICT"), accepting common spellings.</summary>
internal sealed class TlpJsonConverter : JsonConverter<Tlp>
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
