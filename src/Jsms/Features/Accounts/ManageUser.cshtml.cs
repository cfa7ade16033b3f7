using Jsms.Platform.Identity;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Jsms.Features.Accounts;

/// <summary>
/// An administrator manages one user of their own agency: roles, a temporary password (shown once, in the answer to
/// the reset), unlocking, disabling. Another agency's user is 404, as in the API.
/// </summary>
[Authorize(Roles = JsmsRoles.Administrator)]
internal sealed class ManageUserModel(UserAdministration admin, IStringLocalizer<SharedResource> text) : JsmsPage
{
    [BindProperty] public List<string> Roles { get; set; } = [];

    public UserSummary Managed { get; private set; } = null!;

    /// <summary>Set only in the answer to the reset: it is never stored in clear nor put in TempData.</summary>
    public string? TemporaryPassword { get; private set; }

    public bool IsSelf => Managed.Id == Me.UserId;

    public async Task<IActionResult> OnGetAsync(Guid id)
        => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRolesAsync(Guid id)
    {
        if (await FindAsync(id) is not { } user)
        {
            return NotFound();
        }
        var errors = await admin.SetRolesAsync(user, Roles, Me.UserId);
        if (errors.Count > 0)
        {
            Errors = errors;
            FailedForm = "roles";
            await LoadAsync(id);
            return Page();
        }
        Notice = text["ManageUser.RolesSaved", user.UserName ?? ""].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(Guid id)
    {
        if (await FindAsync(id) is not { } user)
        {
            return NotFound();
        }
        TemporaryPassword = await admin.ResetPasswordAsync(user);
        await LoadAsync(id);
        // Not kept by the browser's cache or history: the page holds a password.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostUnlockAsync(Guid id)
    {
        if (await FindAsync(id) is not { } user)
        {
            return NotFound();
        }
        await admin.UnlockAsync(user);
        Notice = text["ManageUser.Unlocked", user.UserName ?? ""].Value;
        return RedirectToPage(new { id });
    }

    public Task<IActionResult> OnPostDisableAsync(Guid id) => SetDisabledAsync(id, disabled: true);

    public Task<IActionResult> OnPostEnableAsync(Guid id) => SetDisabledAsync(id, disabled: false);

    private async Task<IActionResult> SetDisabledAsync(Guid id, bool disabled)
    {
        if (await FindAsync(id) is not { } user)
        {
            return NotFound();
        }
        if (disabled && user.Id == Me.UserId)
        {
            Errors = new() { ["user"] = [text["Users.CannotDisableSelf"].Value] };
            FailedForm = "status";
            await LoadAsync(id);
            return Page();
        }
        await admin.SetDisabledAsync(user, disabled);
        Notice = text[disabled ? "Users.Disabled" : "Users.Enabled", user.UserName ?? ""].Value;
        return RedirectToPage(new { id });
    }

    private async Task<User?> FindAsync(Guid id)
        => await LoadCallerAsync() ? await admin.FindManagedAsync(id, Me.AgencyId) : null;

    private async Task<bool> LoadAsync(Guid id)
    {
        if (!await LoadCallerAsync() || await admin.FindManagedAsync(id, Me.AgencyId) is null)
        {
            return false;
        }
        Managed = (await admin.ListAsync(id)).Single();
        if (FailedForm != "roles")
        {
            Roles = [.. Managed.Roles];
        }
        return true;
    }
}
