namespace Jsms.Tests.Access;

/// <summary>
/// A route called on a record another agency may not read: its method, its path with placeholders naming the records
/// of <see cref="ForeignRecordApp"/> (<c>/api/exercises/{exercise}/injects/{inject}/mark</c>) and a body that would be
/// valid for the owner, so a refusal cannot hide behind a 400.
/// </summary>
internal sealed record ForeignRoute(string Module, string Method, string Template, object? Body = null)
{
    /// <summary>The path with each placeholder replaced by the record's id.</summary>
    public string Resolve(IReadOnlyDictionary<string, Guid> ids)
        => string.Join('/', Template.Split('/').Select(s => s.StartsWith('{') ? ids[s.Trim('{', '}')].ToString() : s));

    /// <summary>The route in OpenAPI form (every placeholder as a parameter), to match the document's operations.</summary>
    public string OpenApiShape => Method + " " + string.Join('/', Template.Split('/').Select(s => s.StartsWith('{') ? "{}" : s));

    public override string ToString() => $"{Method} {Template}";
}
