namespace Jsms.Platform.Access;

/// <summary>
/// A request named records the caller may not read or that do not exist (<see cref="References"/>). Thrown before
/// anything is written; the one exception translator answers 404 with a problem naming each field
/// (<see cref="Fields"/>, e.g. <c>vehicles[1]</c>), the same answer whether the record exists elsewhere or nowhere.
/// </summary>
internal sealed class UnreadableReferenceException : Exception
{
    public UnreadableReferenceException()
        : this([])
    {
    }

    public UnreadableReferenceException(string message)
        : base(message) => Fields = [];

    public UnreadableReferenceException(string message, Exception innerException)
        : base(message, innerException) => Fields = [];

    public UnreadableReferenceException(IReadOnlyList<string> fields)
        : base("No record you may read has the id given in: " + string.Join(", ", fields) + ".") => Fields = fields;

    /// <summary>The request fields, with their positions, that name no readable record.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>The fields as validation errors, the shape both the API's 404 problem and a form's errors take.</summary>
    public Dictionary<string, string[]> Errors() => Fields.ToDictionary(f => f, _ => NotReadable);

    private static readonly string[] NotReadable = ["No record you may read has this id."];
}
