using System.Text.Json;

namespace Jsms.Features.Screening.Lists;

/// <summary>
/// Which column of a national list's CSV holds what, by header text. Only the name is required; a column left out is
/// not read. Several aliases, birth dates, nationalities or identifiers in one cell are separated by ";".
/// </summary>
internal sealed record ColumnMapping(string? Name, string? Aliases, string? BirthDate, string? Nationality, string? Identifiers,
    string? Reason, string? Id, string? Type)
{
    /// <summary>The form fields (and JSON properties) of the mapping, in the order the page shows them.</summary>
    public static readonly string[] Fields = ["name", "aliases", "birthDate", "nationality", "identifiers", "reason", "id", "type"];

    public static ColumnMapping FromForm(IFormCollection form)
    {
        string? Get(string field) => form[field].FirstOrDefault() is { } v && v.Trim().Length > 0 ? v.Trim() : null;
        return new ColumnMapping(Get("name"), Get("aliases"), Get("birthDate"), Get("nationality"), Get("identifiers"), Get("reason"), Get("id"), Get("type"));
    }

    public IEnumerable<(string Field, string? Column)> Columns()
        => Fields.Zip([Name, Aliases, BirthDate, Nationality, Identifiers, Reason, Id, Type]);

    public bool IsEmpty => Columns().All(c => c.Column is null);

    /// <summary>The mapping a header suggests: the usual words for each field (used when the form gives none).</summary>
    public static ColumnMapping Suggest(IReadOnlyList<string> headers)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        string? Find(params string[] words)
        {
            foreach (var word in words)
            {
                var hit = headers.FirstOrDefault(h => !used.Contains(h) && h.Trim().ToLowerInvariant().Replace("_", " ", StringComparison.Ordinal).Contains(word, StringComparison.Ordinal));
                if (hit is not null)
                {
                    used.Add(hit);
                    return hit;
                }
            }
            return null;
        }
        var aliases = Find("alias", "also known", "aka");
        var birth = Find("birth", "dob");
        var nationality = Find("national", "citizen", "country");
        var identifiers = Find("identif", "passport", "id number", "cnic");
        var reason = Find("reason", "grounds", "listing");
        var type = Find("type", "kind");
        var id = headers.FirstOrDefault(h => !used.Contains(h) && h.Trim().ToLowerInvariant() is "id" or "ref" or "reference" or "serial" or "no" or "number");
        if (id is not null)
        {
            used.Add(id);
        }
        var name = Find("full name", "name");
        return new ColumnMapping(name, aliases, birth, nationality, identifiers, reason, id, type);
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);
}
