using System.Text.Json;
using System.Text.RegularExpressions;
using Jsms.Platform.Access;
using Jsms.Platform.Web;

namespace Jsms.Features.Intelligence;

/// <summary>
/// Checks received STIX objects without the database (id, type, spec_version, timestamps, marking) and reads the fields
/// JSMS stores, in one pass of a <see cref="Utf8JsonReader"/> over each object's bytes.
/// </summary>
internal static partial class StixObjectCheck
{
    [GeneratedRegex("^([a-z0-9][a-z0-9-]*[a-z0-9])--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex StixIdPattern();

    /// <summary>
    /// Reads and checks every object of a page or bundle held in memory, without the database: the part of an import that
    /// can run while another page is written (<see cref="TaxiiPuller"/>). A body that is not an envelope throws <see cref="JsonException"/>.
    /// </summary>
    public static async Task<CheckedPage> CheckPageAsync(PooledBody body, CancellationToken cancellationToken = default)
    {
        var items = new List<BundleItem>();
        await using (var stream = body.OpenRead())
        {
            await foreach (var item in BundleReader.ReadAsync(stream, cancellationToken))
            {
                items.Add(item);
            }
        }
        return CheckItems(items);
    }

    /// <summary>Checks read objects: the candidates to store and the objects refused by their content alone.</summary>
    public static CheckedPage CheckItems(List<BundleItem> batch)
    {
        var candidates = new List<StixCandidate>(batch.Count);
        var failures = new List<RefusedObject>();
        foreach (var item in batch)
        {
            if (item.Json is not { } json)
            {
                failures.Add(new RefusedObject(item.Index, null, null, item.Error ?? "unreadable"));
                continue;
            }
            var (candidate, error, id) = Check(item.Index, json);
            if (candidate is null)
            {
                failures.Add(new RefusedObject(item.Index, id, null, error!));
                continue;
            }
            candidates.Add(candidate);
        }
        return new CheckedPage(batch.Count, candidates, failures);
    }

    /// <summary>What the JSMS release extension of a received object says, read in the same pass as its other fields.</summary>
    private struct ReceivedRelease
    {
        public int Count;
        public bool IsObject;
        public bool Exact;
        public string? Owner;
        public string[] ReleaseTo;
        public string[] Recipients;
    }

    /// <summary>
    /// Checks one received object and reads the fields JSMS stores in one pass of a <see cref="Utf8JsonReader"/> over its
    /// bytes (no document per object). A repeated name keeps its last value.
    /// </summary>
    private static (StixCandidate?, string? Error, string? Id) Check(int index, byte[] raw)
    {
        string? type = null, id = null, specVersion = null, createdText = null, modifiedText = null, createdByRef = null,
            name = null, description = null, sourceRef = null, sightingOfRef = null, targetRef = null;
        bool hasCreated = false, revoked = false;
        int refsCount = 0, extensionsCount = 0, tlpRefs = 0;
        Tlp? tlp = null;
        string? tlpRef = null;
        var refsPlain = false;
        var release = new ReceivedRelease { ReleaseTo = [], Recipients = [] };
        try
        {
            var reader = new Utf8JsonReader(raw);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"u8)) { type = ReadText(ref reader); }
                else if (reader.ValueTextEquals("id"u8)) { id = ReadText(ref reader); }
                else if (reader.ValueTextEquals("spec_version"u8)) { specVersion = ReadText(ref reader); }
                else if (reader.ValueTextEquals("created"u8)) { hasCreated = true; createdText = ReadText(ref reader); }
                else if (reader.ValueTextEquals("modified"u8)) { modifiedText = ReadText(ref reader); }
                else if (reader.ValueTextEquals("created_by_ref"u8)) { createdByRef = ReadText(ref reader); }
                else if (reader.ValueTextEquals("name"u8)) { name = ReadText(ref reader); }
                else if (reader.ValueTextEquals("description"u8)) { description = ReadText(ref reader); }
                else if (reader.ValueTextEquals("source_ref"u8)) { sourceRef = ReadText(ref reader); }
                else if (reader.ValueTextEquals("sighting_of_ref"u8)) { sightingOfRef = ReadText(ref reader); }
                else if (reader.ValueTextEquals("target_ref"u8)) { targetRef = ReadText(ref reader); }
                else if (reader.ValueTextEquals("revoked"u8))
                {
                    reader.Read();
                    revoked = reader.TokenType == JsonTokenType.True;
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("object_marking_refs"u8))
                {
                    refsCount++;
                    ReadMarkingRefs(ref reader, out tlp, out tlpRefs, out tlpRef, out refsPlain);
                }
                else if (reader.ValueTextEquals("extensions"u8))
                {
                    extensionsCount++;
                    ReadExtensions(ref reader, ref release);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (InvalidOperationException)
        {
            // A string that is not valid UTF-8 (the syntax was checked when the bundle was read).
            return (null, "a text value is not valid UTF-8", id);
        }
        if (string.IsNullOrEmpty(type))
        {
            return (null, "no 'type'", id);
        }
        // The pattern's first group is all but the last 38 characters ("--" and the UUID): compared without a Match object.
        if (id is null || !StixIdPattern().IsMatch(id) || id.Length != type.Length + 38 || !id.StartsWith(type, StringComparison.Ordinal))
        {
            return (null, "'id' must be '<type>--<UUID>' with the object's type", id);
        }
        if (type == "bundle")
        {
            return (null, "a bundle cannot be stored as an object", id);
        }
        if (specVersion is null && hasCreated)
        {
            return (null, "no 'spec_version': STIX 2.0 objects are not accepted, only STIX 2.1", id);
        }
        if (specVersion is not null and not "2.1")
        {
            return (null, $"spec_version '{specVersion}' is not accepted, only 2.1", id);
        }
        DateTime? created = null, modified = null;
        string version = "";
        if (createdText is not null)
        {
            if (!StixTime.TryParse(createdText, out var c))
            {
                return (null, "'created' is not a STIX timestamp", id);
            }
            created = c;
            version = createdText;
        }
        if (modifiedText is not null)
        {
            if (!StixTime.TryParse(modifiedText, out var m))
            {
                return (null, "'modified' is not a STIX timestamp", id);
            }
            if (created is { } c2 && m < c2)
            {
                return (null, "'modified' is earlier than 'created'", id);
            }
            modified = m;
            version = modifiedText;
        }
        else if (hasCreated && type is not ("marking-definition"))
        {
            return (null, "no 'modified': STIX 2.1 domain and relationship objects must have one", id);
        }
        modified ??= created;
        if (release.Count > 0 && !release.IsObject)
        {
            return (null, "the JSMS release extension must be an object", id);
        }
        if (refsCount > 1 || extensionsCount > 1)
        {
            return (null, "'object_marking_refs' and 'extensions' may appear only once", id);
        }
        var hasExtension = release.Count > 0;
        return (new StixCandidate
        {
            Index = index,
            Id = id,
            Type = type,
            Raw = raw,
            Created = created,
            Modified = modified,
            Version = version,
            Revoked = revoked,
            CreatedByRef = createdByRef,
            Name = name,
            Description = description,
            SourceRef = type == "sighting" ? sightingOfRef : sourceRef,
            TargetRef = targetRef,
            Tlp = tlp,
            HasReleaseExtension = hasExtension,
            ReleaseTo = release.ReleaseTo,
            Recipients = release.Recipients,
            ReceivedTlpRef = refsPlain && tlpRefs == 1 ? tlpRef : null,
            ReceivedExtensionExact = release.Count == 1 && release.Exact,
            ReceivedOwner = release.Owner,
            ReceivedReleaseTo = release.ReleaseTo,
            ReceivedRecipients = release.Recipients,
        }, null, id);
    }

    /// <summary>Reads the value after a property name: its text if it is a string, else null (the value is skipped).</summary>
    private static string? ReadText(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }
        reader.Skip();
        return null;
    }

    /// <summary>
    /// <c>object_marking_refs</c>: the most restrictive TLP it references (1.0 or 2.0 ids), how many TLP references it has,
    /// the last of them, and whether every entry is a string (what <see cref="StixMarkingWriter"/> would keep unchanged).
    /// </summary>
    private static void ReadMarkingRefs(ref Utf8JsonReader reader, out Tlp? tlp, out int tlpRefs, out string? tlpRef, out bool plain)
    {
        tlp = null;
        tlpRefs = 0;
        tlpRef = null;
        reader.Read();
        plain = reader.TokenType == JsonTokenType.StartArray;
        if (!plain)
        {
            reader.Skip();
            return;
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                plain = false;
                reader.Skip();
                continue;
            }
            var text = reader.GetString()!;
            if (StixMarkings.TryTlp(text, out var level))
            {
                tlp = tlp is null || level > tlp ? level : tlp;
                tlpRefs++;
                tlpRef = text;
            }
        }
    }

    /// <summary><c>extensions</c>: the JSMS release extension (the last one if repeated), what it says and whether it is exactly what JSMS writes.</summary>
    private static void ReadExtensions(ref Utf8JsonReader reader, ref ReceivedRelease release)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals(StixMarkings.ReleaseExtensionId))
            {
                reader.Read();
                reader.Skip();
                continue;
            }
            release.Count++;
            reader.Read();
            release.IsObject = reader.TokenType == JsonTokenType.StartObject;
            release.ReleaseTo = [];
            release.Recipients = [];
            release.Owner = null;
            if (!release.IsObject)
            {
                reader.Skip();
                continue;
            }
            bool exact = true, typed = false;
            int types = 0, owners = 0, releaseLists = 0, recipientLists = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("extension_type"u8))
                {
                    types++;
                    typed = ReadText(ref reader) == "property-extension";
                }
                else if (reader.ValueTextEquals("owner_agency"u8))
                {
                    owners++;
                    release.Owner = ReadText(ref reader);
                }
                else if (reader.ValueTextEquals("release_to"u8))
                {
                    releaseLists++;
                    release.ReleaseTo = ReadStrings(ref reader, ref exact);
                }
                else if (reader.ValueTextEquals("named_recipients"u8))
                {
                    recipientLists++;
                    release.Recipients = ReadStrings(ref reader, ref exact);
                }
                else
                {
                    exact = false;
                    reader.Read();
                    reader.Skip();
                }
            }
            // Exactly what Mark writes: the type, the owner, and each list only when it is not empty, every name once.
            release.Exact = exact && typed && types == 1 && owners == 1 && release.Owner is not null
                && releaseLists == (release.ReleaseTo.Length > 0 ? 1 : 0) && recipientLists == (release.Recipients.Length > 0 ? 1 : 0);
        }
    }

    /// <summary>The strings of an array (other entries are ignored and make the marking not exact); not an array: none.</summary>
    private static string[] ReadStrings(ref Utf8JsonReader reader, ref bool exact)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            exact = false;
            reader.Skip();
            return [];
        }
        List<string>? values = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                (values ??= []).Add(reader.GetString()!);
            }
            else
            {
                exact = false;
                reader.Skip();
            }
        }
        return values is null ? [] : [.. values];
    }
}
