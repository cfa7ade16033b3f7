using Jsms.Features.Partners;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jsms.Features.Accounts;

/// <summary>
/// Administrators list and add users, and open, disable and enable those of their own agency (through
/// <see cref="UserAdministration"/>); roles, passwords and unlocking are on <see cref="ManageUserModel"/>.
/// </summary>
[Authorize(Roles = JsmsRoles.Administrator)]
internal sealed class UsersModel(UserAdministration admin, JsmsDbContext db, IStringLocalizer<SharedResource> text) : PageModel
{
    internal sealed class UserForm
    {
        public string? Username { get; set; }
        public string? DisplayName { get; set; }
        public string? Agency { get; set; }
        public List<string> Roles { get; set; } = [];
        public string? Password { get; set; }
    }

    [BindProperty] public UserForm NewUser { get; set; } = new();

    public List<UserSummary> Users { get; private set; } = [];
    public List<AgencyDto> Agencies { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public Guid CurrentUserId { get; private set; }
    public string CurrentAgencyCode { get; private set; } = "";

    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        var (user, errors) = await admin.AddAsync(new NewUser(NewUser.Username ?? "", NewUser.DisplayName ?? "", NewUser.Agency ?? "",
            NewUser.Roles, NewUser.Password ?? ""));
        if (user is not null)
        {
            Notice = text["Users.Added", user.UserName ?? ""].Value;
            return RedirectToPage();
        }
        Errors = errors;
        await LoadAsync();
        return Page();
    }

    public Task<IActionResult> OnPostDisableAsync(Guid id) => SetDisabledAsync(id, disabled: true);

    public Task<IActionResult> OnPostEnableAsync(Guid id) => SetDisabledAsync(id, disabled: false);

    public string? FieldError(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private async Task<IActionResult> SetDisabledAsync(Guid id, bool disabled)
    {
        var caller = await Caller.ForRequestAsync(HttpContext);
        if (disabled && caller?.UserId == id)
        {
            // An administrator who disables themselves is signed out mid-sentence: refuse it here.
            Errors = new() { ["user"] = [text["Users.CannotDisableSelf"].Value] };
            await LoadAsync();
            return Page();
        }
        if (caller is null || await admin.FindManagedAsync(id, caller.AgencyId) is not { } user)
        {
            return NotFound();
        }
        await admin.SetDisabledAsync(user, disabled);
        Notice = text[disabled ? "Users.Disabled" : "Users.Enabled", user.UserName ?? ""].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var caller = await Caller.ForRequestAsync(HttpContext);
        CurrentUserId = caller?.UserId ?? Guid.Empty;
        CurrentAgencyCode = caller is null ? "" : await db.Set<Platform.Partners.Agency>().Where(a => a.Id == caller.AgencyId).Select(a => a.Code).FirstAsync();
        Users = await admin.ListAsync();
        Agencies = (await PartnersModule.ListAgencies(db)).Value!;
    }
}
