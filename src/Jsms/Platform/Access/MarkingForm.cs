namespace Jsms.Platform.Access;

/// <summary>The release-marking fields of a page form (rendered by Shared/_MarkingFields.cshtml).</summary>
internal sealed class MarkingForm
{
    public string Tlp { get; set; } = "AMBER";

    /// <summary>Agency codes separated by commas or spaces.</summary>
    public string? ReleaseTo { get; set; }

    /// <summary>Usernames separated by commas or spaces.</summary>
    public string? Recipients { get; set; }

    public MarkingInput ToInput() => new(Tlp, Split(ReleaseTo), Split(Recipients));

    /// <summary>The fields filled with a record's marking, for its edit form.</summary>
    public static MarkingForm Of(MarkingDto marking) => new()
    {
        Tlp = marking.Tlp, ReleaseTo = string.Join(", ", marking.ReleaseTo), Recipients = string.Join(", ", marking.Recipients),
    };

    private static string[] Split(string? text)
        => (text ?? "").Split([',', ' ', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
