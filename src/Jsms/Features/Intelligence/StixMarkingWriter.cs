using System.Buffers;
using System.Text;
using System.Text.Json;
using Jsms.Platform.Access;

namespace Jsms.Features.Intelligence;

/// <summary>
/// Writes the JSMS marking into a received object as it is stored: one TLP 2.0 reference and the JSMS release extension.
/// One writer per import: its buffer is reused for every object (an import runs on one thread at a time).
/// </summary>
internal sealed class StixMarkingWriter
{
    /// <summary>
    /// The JSON stored for a version: the bytes as received when their marking is already exactly what <see cref="Mark"/>
    /// would write (one TLP 2.0 reference, of the resolved level; the release extension with this owner and the normalised
    /// lists, nothing else in it), so a page pulled from another JSMS node is stored without rewriting each object;
    /// otherwise the object with the marking written in. Marking-definitions are stored unchanged (compacted).
    /// </summary>
    public string StoredJson(StixCandidate c, ResolvedMarking marking, string ownerCode)
    {
        if (c.Type != "marking-definition" && c.ReceivedTlpRef == StixMarkings.Tlp2Ids[marking.Tlp] && c.ReceivedExtensionExact
            && c.ReceivedOwner == ownerCode && c.ReceivedReleaseTo.AsSpan().SequenceEqual(c.ReleaseTo)
            && c.ReceivedRecipients.AsSpan().SequenceEqual(c.Recipients))
        {
            return Encoding.UTF8.GetString(c.Raw);
        }
        using var document = JsonDocument.Parse(c.Raw);
        return c.Type == "marking-definition"
            ? Compact(document.RootElement)
            : Mark(document.RootElement, marking, ownerCode, c.ReleaseTo, c.Recipients);
    }

    /// <summary>
    /// The object as stored: its properties in their order with the JSMS marking written in, one TLP 2.0 reference in
    /// <c>object_marking_refs</c> (other references kept) and the release extension in <c>extensions</c> (other extensions
    /// kept); either is added at the end when missing. Written straight from the parsed element (no DOM per object).
    /// </summary>
    private string Mark(JsonElement element, ResolvedMarking marking, string ownerCode, string[] releaseTo, string[] recipients)
    {
        // One buffer and writer for the whole import, reset per object (an import runs on one thread at a time).
        var buffer = _markBuffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var w = _markWriter ??= new Utf8JsonWriter(buffer);
        w.Reset(buffer);
        w.WriteStartObject();
        bool wroteRefs = false, wroteExtensions = false;
        foreach (var property in element.EnumerateObject())
        {
            if (property.NameEquals("object_marking_refs"u8))
            {
                WriteMarkingRefs(w, property.Value, marking.Tlp);
                wroteRefs = true;
            }
            else if (property.NameEquals("extensions"u8))
            {
                WriteExtensions(w, property.Value, ownerCode, releaseTo, recipients);
                wroteExtensions = true;
            }
            else
            {
                property.WriteTo(w);
            }
        }
        if (!wroteRefs)
        {
            WriteMarkingRefs(w, default, marking.Tlp);
        }
        if (!wroteExtensions)
        {
            WriteExtensions(w, default, ownerCode, releaseTo, recipients);
        }
        w.WriteEndObject();
        w.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private ArrayBufferWriter<byte>? _markBuffer;

    private Utf8JsonWriter? _markWriter;

    private static void WriteMarkingRefs(Utf8JsonWriter w, JsonElement existing, Tlp tlp)
    {
        w.WriteStartArray("object_marking_refs");
        if (existing.ValueKind == JsonValueKind.Array)
        {
            foreach (var r in existing.EnumerateArray())
            {
                if (r.ValueKind == JsonValueKind.String && !StixMarkings.TryTlp(r.GetString()!, out _))
                {
                    r.WriteTo(w);
                }
            }
        }
        w.WriteStringValue(StixMarkings.Tlp2Ids[tlp]);
        w.WriteEndArray();
    }

    private static void WriteExtensions(Utf8JsonWriter w, JsonElement existing, string ownerCode, string[] releaseTo, string[] recipients)
    {
        w.WriteStartObject("extensions");
        if (existing.ValueKind == JsonValueKind.Object)
        {
            foreach (var extension in existing.EnumerateObject())
            {
                if (!extension.NameEquals(StixMarkings.ReleaseExtensionId))
                {
                    extension.WriteTo(w);
                }
            }
        }
        w.WriteStartObject(StixMarkings.ReleaseExtensionId);
        w.WriteString("extension_type", "property-extension");
        w.WriteString("owner_agency", ownerCode);
        // STIX lists must not be empty (schemas/common/properties.json): an empty list is left out.
        if (releaseTo.Length > 0)
        {
            w.WriteStartArray("release_to");
            foreach (var code in releaseTo)
            {
                w.WriteStringValue(code);
            }
            w.WriteEndArray();
        }
        if (recipients.Length > 0)
        {
            w.WriteStartArray("named_recipients");
            foreach (var name in recipients)
            {
                w.WriteStringValue(name);
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>The element as compact JSON (marking-definitions are stored unchanged).</summary>
    private static string Compact(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            element.WriteTo(w);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
