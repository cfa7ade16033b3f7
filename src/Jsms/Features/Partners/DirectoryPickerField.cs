namespace Jsms.Features.Partners;

/// <summary>
/// A text field of agency codes or usernames that searches the directory as the user types
/// (Features/Shared/_DirectoryPicker.cshtml, wwwroot/js/directory-picker.js). It posts the same text as a plain
/// input: codes separated by commas when <see cref="Multiple"/>, so forms and their handlers stay as they are.
/// </summary>
/// <param name="Kind"><c>agencies</c> or <c>users</c>: which <c>/api/directory</c> search it uses.</param>
internal sealed record DirectoryPickerField(string Label, string Name, string? Value, string Kind, bool Multiple = true,
    string? TestId = null, string? Placeholder = null, bool Required = false)
{
    public static DirectoryPickerField Agencies(string label, string name, string? value, bool multiple = true, string? testId = null,
        string? placeholder = null, bool required = false)
        => new(label, name, value, "agencies", multiple, testId, placeholder, required);

    public static DirectoryPickerField Users(string label, string name, string? value, bool multiple = true, string? testId = null,
        string? placeholder = null, bool required = false)
        => new(label, name, value, "users", multiple, testId, placeholder, required);
}
