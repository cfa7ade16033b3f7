using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Protection;

/// <summary>The protected persons the caller may read; passport and phone in clear only for those allowed (audited), as in the API.</summary>
internal sealed class PersonsModel(ProtectionService protection) : JsmsPage
{
    public List<PersonDto> Persons { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        Persons = await protection.ListPersonsAsync(Me);
        return Page();
    }
}
