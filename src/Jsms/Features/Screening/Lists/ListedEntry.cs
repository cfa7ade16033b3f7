using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jsms.Features.Screening.Lists;

/// <summary>One entry of a sanctions list, as read from the source file (stored as JSON in <see cref="ScreeningListEntry.Data"/>).</summary>
internal sealed record ListedEntry(
    string SourceId,
    string? Reference,
    EntryKind Kind,
    string PrimaryName,
    IReadOnlyList<ListedName> Names,
    IReadOnlyList<BirthDate> BirthDates,
    IReadOnlyList<string> Nationalities,
    IReadOnlyList<string> Addresses,
    string? Programme,
    string? ListedOn,
    string? Remarks)
{
    /// <summary>Passport, national id or registration numbers, as a national list gives them (null for UN and OFAC, so their stored JSON is unchanged).</summary>
    public IReadOnlyList<string>? Identifiers { get; init; }

    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ListedEntry FromJson(string json) => JsonSerializer.Deserialize<ListedEntry>(json, Json)
        ?? throw new InvalidDataException("An entry's stored data is empty.");

    /// <summary>SHA-256 of the entry's JSON: two versions of an entry differ when their hashes differ.</summary>
    public static string HashOf(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
}
