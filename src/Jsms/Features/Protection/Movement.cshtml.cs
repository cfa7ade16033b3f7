using System.Text.Json;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Protection;

/// <summary>
/// One movement: route, schedule and need-to-know list. Showing it is an audited read (as <c>GET /api/movements/{id}</c>);
/// anyone outside the named list and the owner's coordinators gets 404.
/// </summary>
internal sealed class MovementModel(MovementsService movements, PersonsService persons) : JsmsPage
{
    [FromRoute] public Guid Id { get; set; }

    public MovementDto Movement { get; private set; } = null!;
    public List<string> PrincipalNames { get; private set; } = [];
    public string CheckpointsJson { get; private set; } = "[]";
    public bool CanEdit { get; private set; }
    public bool CanSeeAccessLog { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        if (await movements.GetMovementAsync(Me, Id) is not { } movement)
        {
            return NotFound();
        }
        Movement = movement;
        CanEdit = CanChange(movement.Marking);
        CanSeeAccessLog = await movements.MayReadAccessLogAsync(Me, Id);
        // Principals the caller may not read are named by count only.
        var names = await persons.PersonNamesAsync(Me);
        PrincipalNames = movement.Principals.Where(names.ContainsKey).Select(p => names[p]).ToList();
        var hidden = movement.Principals.Count - PrincipalNames.Count;
        if (hidden > 0)
        {
            PrincipalNames.Add($"+{hidden}");
        }
        CheckpointsJson = JsonSerializer.Serialize(movement.Checkpoints, JsonSerializerOptions.Web);
        return Page();
    }

    public static string Window(DateTime? from, DateTime? to) => (from, to) switch
    {
        (null, null) => "",
        ({ } a, null) => Utc(a) + " →",
        (null, { } b) => "→ " + Utc(b),
        ({ } a, { } b) => Utc(a) + " → " + Utc(b),
    };
}
