using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Operations;

/// <summary>The consent register of a state: who is on its territory under which consent now, on a map and in a table.</summary>
internal sealed class RegisterModel(ConsentRegister register) : JsmsPage
{
    [BindProperty(SupportsGet = true)] public string? State { get; set; }

    public ConsentRegisterDto? Register { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        State = string.IsNullOrWhiteSpace(State) ? "PK" : State.Trim().ToUpperInvariant();
        Register = await register.ForStateAsync(Me, State);
        return Page();
    }
}
