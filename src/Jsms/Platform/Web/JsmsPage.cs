using System.Globalization;
using Jsms.Platform.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jsms.Platform.Web;

/// <summary>
/// What the pages of every module share: the caller, the errors of the form just posted (shown by
/// Features/Shared/_FormErrors.cshtml), the notice of the last change, and display helpers.
/// </summary>
internal abstract class JsmsPage : PageModel
{
    public Caller Me { get; private set; } = null!;

    /// <summary>Validation errors of the posted form, keyed by field as the API names them.</summary>
    public Dictionary<string, string[]>? Errors { get; protected set; }

    /// <summary>Which form the errors belong to, so they are shown beside it.</summary>
    public string? FailedForm { get; protected set; }

    [TempData] public string? Notice { get; set; }

    public string MyAgencyCode => User.FindFirst("jsms:agency-code")?.Value ?? "";

    protected async Task<bool> LoadCallerAsync()
    {
        var caller = await Caller.ForRequestAsync(HttpContext);
        if (caller is null)
        {
            return false;
        }
        Me = caller;
        return true;
    }

    /// <summary>
    /// For a handler that changes records: null when the caller is signed in with a writing role, else the answer (the
    /// sign-in, or the refusal of a role that reads only: 403, or 404 where the page hides what exists).
    /// </summary>
    protected async Task<IActionResult?> RefuseUnlessWriterAsync(bool hideAsNotFound = false)
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        if (!Me.CanWrite)
        {
            return hideAsNotFound ? NotFound() : Forbid();
        }
        return null;
    }

    /// <summary>The record's owner is the caller's agency and the caller has a writing role.</summary>
    public bool CanChange(MarkingDto marking) => Me.CanWrite && marking.OwnerAgency == MyAgencyCode;

    public static string Utc(DateTime at) => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static MarkingForm ToForm(MarkingInput input) => new()
    {
        Tlp = input.Tlp ?? "AMBER",
        ReleaseTo = string.Join(", ", input.ReleaseTo ?? []),
        Recipients = string.Join(", ", input.Recipients ?? []),
    };

    protected static string[] SplitCodes(string? text)
        => (text ?? "").Split([',', ' ', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    protected IActionResult Failed(string form, Dictionary<string, string[]> errors)
    {
        FailedForm = form;
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
