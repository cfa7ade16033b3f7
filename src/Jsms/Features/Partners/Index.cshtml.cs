using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jsms.Features.Partners;

/// <summary>
/// The partner directory for everyone signed in; administrators also maintain it here, through the
/// same validation and creation as the API (<see cref="PartnersModule"/>).
/// </summary>
internal sealed class PartnersIndexModel(JsmsDbContext db, IStringLocalizer<SharedResource> text) : PageModel
{
    internal sealed class StateForm
    {
        public string? IsoCode { get; set; }
        public string? Name { get; set; }
    }

    internal sealed class AgencyForm
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public AgencyKind? Kind { get; set; }
        public string? State { get; set; }
    }

    internal sealed class PartnershipForm
    {
        public string? Name { get; set; }
        public PartnershipKind? Kind { get; set; }
        public string? Description { get; set; }
        public DateOnly? EstablishedOn { get; set; }
        /// <summary>Agency codes, separated by commas or spaces.</summary>
        public string? Members { get; set; }
        public string? Observers { get; set; }
    }

    internal sealed class AgreementForm
    {
        public Guid? PartnershipId { get; set; }
        public string? Title { get; set; }
        public string? Parties { get; set; }
        public DateOnly? SignedOn { get; set; }
        public string? Scope { get; set; }
    }

    [BindProperty] public StateForm NewState { get; set; } = new();
    [BindProperty] public AgencyForm NewAgency { get; set; } = new();
    [BindProperty] public PartnershipForm NewPartnership { get; set; } = new();
    [BindProperty] public AgreementForm NewAgreement { get; set; } = new();

    public List<StateDto> States { get; private set; } = [];
    public List<AgencyDto> Agencies { get; private set; } = [];
    public List<PartnershipDto> Partnerships { get; private set; } = [];
    public bool IsAdministrator { get; private set; }

    /// <summary>Which form the errors belong to: state, agency, partnership or agreement.</summary>
    public string? FailedForm { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];

    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostStateAsync()
        => AdministerAsync("state", async () =>
        {
            var (state, errors) = await PartnersModule.CreateStateAsync(db, new CreateStateRequest(NewState.IsoCode, NewState.Name));
            return (state is null ? null : text["Partners.StateAdded", state.IsoCode].Value, errors);
        });

    public Task<IActionResult> OnPostAgencyAsync()
        => AdministerAsync("agency", async () =>
        {
            var (agency, errors) = await PartnersModule.CreateAgencyAsync(db, new CreateAgencyRequest(NewAgency.Code, NewAgency.Name, NewAgency.Kind, NewAgency.State));
            return (agency is null ? null : text["Partners.AgencyAdded", agency.Code].Value, errors);
        });

    public Task<IActionResult> OnPostPartnershipAsync()
        => AdministerAsync("partnership", async () =>
        {
            MemberRequest[] members =
            [
                .. Codes(NewPartnership.Members).Select(c => new MemberRequest(c, PartnershipRole.Member)),
                .. Codes(NewPartnership.Observers).Select(c => new MemberRequest(c, PartnershipRole.Observer)),
            ];
            var (partnership, errors) = await PartnersModule.CreatePartnershipAsync(db, new CreatePartnershipRequest(
                NewPartnership.Name, NewPartnership.Kind, string.IsNullOrWhiteSpace(NewPartnership.Description) ? null : NewPartnership.Description.Trim(),
                NewPartnership.EstablishedOn, members));
            return (partnership is null ? null : text["Partners.PartnershipAdded", partnership.Name].Value, errors);
        });

    public Task<IActionResult> OnPostAgreementAsync()
        => AdministerAsync("agreement", async () =>
        {
            var id = NewAgreement.PartnershipId;
            if (id is null || !await db.Set<Partnership>().AnyAsync(p => p.Id == id))
            {
                return (null, new Dictionary<string, string[]> { ["partnershipId"] = [text["Partners.ChoosePartnership"].Value] });
            }
            var (agreement, errors) = await PartnersModule.CreateAgreementAsync(db, id.Value,
                new CreateAgreementRequest(NewAgreement.Title, NewAgreement.Parties, NewAgreement.SignedOn, NewAgreement.Scope));
            return (agreement is null ? null : text["Partners.AgreementAdded", agreement.Title].Value, errors);
        });

    public string? FieldError(string form, string field)
        => FailedForm == form && Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    /// <summary>Runs an administrator's change: refused for anyone else; on success back to the page with a notice.</summary>
    private async Task<IActionResult> AdministerAsync(string form, Func<Task<(string? Notice, Dictionary<string, string[]> Errors)>> change)
    {
        if (await Caller.ForRequestAsync(HttpContext) is not { IsAdministrator: true })
        {
            return Forbid();
        }
        var (notice, errors) = await change();
        if (notice is not null)
        {
            Notice = notice;
            return RedirectToPage();
        }
        FailedForm = form;
        Errors = errors;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        IsAdministrator = await Caller.ForRequestAsync(HttpContext) is { IsAdministrator: true };
        States = (await PartnersModule.ListStates(db)).Value!;
        Agencies = (await PartnersModule.ListAgencies(db)).Value!;
        Partnerships = (await PartnersModule.ListPartnerships(db)).Value!;
    }

    private static string[] Codes(string? list)
        => (list ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
}
