using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Protection;

/// <summary>The protected persons the caller may read; passport and phone in clear only for those allowed (audited), as in the API.</summary>
internal sealed class PersonsModel(PersonsService persons) : JsmsPage
{
    public List<PersonDto> Persons { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        Persons = await persons.ListPersonsAsync(Me);
        return Page();
    }
}
