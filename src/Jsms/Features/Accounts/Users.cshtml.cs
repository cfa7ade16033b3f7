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

/// <summary>Administrators list, add, disable and enable users (through <see cref="UserAdministration"/>).</summary>
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
        if (!await admin.SetDisabledAsync(id.ToString(), disabled))
        {
            return NotFound();
        }
        var name = await db.Users.Where(u => u.Id == id).Select(u => u.UserName).FirstAsync();
        Notice = text[disabled ? "Users.Disabled" : "Users.Enabled", name ?? ""].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        CurrentUserId = (await Caller.ForRequestAsync(HttpContext))?.UserId ?? Guid.Empty;
        Users = await admin.ListAsync();
        Agencies = (await PartnersModule.ListAgencies(db)).Value!;
    }
}
