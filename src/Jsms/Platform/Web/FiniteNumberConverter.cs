using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jsms.Platform.Web;

/// <summary>
/// Registered once in the app's JSON options, so every <c>double</c> and <c>float</c> of every request body (and their
/// nullable forms, which the serializer reads through these) is refused when it is not finite: <c>1e309</c> or <c>-1e309</c>
/// would otherwise be read as infinity and stored. The refusal is a <see cref="NonFiniteNumberException"/>, which the
/// serializer stamps with the JSON path; the exception handler turns it into a 400 naming the field. On the way out a
/// non-finite value (stored before this check existed) is written as null rather than failing the whole answer.
/// Free-form JSON taken as a <see cref="JsonElement"/> (GeoJSON routes and perimeters, STIX objects) is read whole and refused
/// the same way when any number in it is not finite, so numbers read from it later are finite too.
/// </summary>
internal sealed class FiniteNumberConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert == typeof(double) || typeToConvert == typeof(float) || typeToConvert == typeof(JsonElement);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
        => typeToConvert == typeof(double) ? new DoubleConverter() : typeToConvert == typeof(float) ? new SingleConverter() : new ElementConverter();

    /// <summary>The JSON pointer of the first number in the element that is not finite; null when all are.</summary>
    internal static string? FirstNonFinite(JsonElement element, string at = "")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                return FiniteNumber.TryParse(element.GetRawText(), out _) ? null : at.Length == 0 ? "/" : at;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FirstNonFinite(item, $"{at}/{i++}") is { } found)
                    {
                        return found;
                    }
                }
                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (FirstNonFinite(property.Value, $"{at}/{property.Name}") is { } found)
                    {
                        return found;
                    }
                }
                return null;
            default:
                return null;
        }
    }

    private static double Read(ref Utf8JsonReader reader, JsonSerializerOptions options, bool single)
    {
        double value;
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (!reader.TryGetDouble(out value))
            {
                throw new NonFiniteNumberException();
            }
        }
        else if (reader.TokenType == JsonTokenType.String && (options.NumberHandling & JsonNumberHandling.AllowReadingFromString) != 0)
        {
            if (!FiniteNumber.TryParse(reader.GetString(), out value))
            {
                throw new NonFiniteNumberException();
            }
        }
        else
        {
            // The serializer's own message, with the path added, as for any other value of the wrong type.
            throw new JsonException();
        }
        if (!double.IsFinite(value) || (single && !float.IsFinite((float)value)))
        {
            throw new NonFiniteNumberException();
        }
        return value;
    }

    private sealed class DoubleConverter : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => FiniteNumberConverter.Read(ref reader, options, single: false);

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value))
            {
                writer.WriteNumberValue(value);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }

    private sealed class ElementConverter : JsonConverter<JsonElement>
    {
        public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var element = JsonElement.ParseValue(ref reader);
            return FirstNonFinite(element) is { } at
                ? throw new NonFiniteNumberException($"{NonFiniteNumberException.Problem} At {at} of this value.")
                : element;
        }

        public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) => value.WriteTo(writer);
    }

    private sealed class SingleConverter : JsonConverter<float>
    {
        public override float Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => (float)FiniteNumberConverter.Read(ref reader, options, single: true);

        public override void Write(Utf8JsonWriter writer, float value, JsonSerializerOptions options)
        {
            if (float.IsFinite(value))
            {
                writer.WriteNumberValue(value);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
