using Jsms.Platform.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jsms.Features.Intelligence;

/// <summary>
/// /Intelligence/Collections: the collections (each with its TAXII URL) and, for the writing roles the API lets create them,
/// a form to create one; it calls the same <see cref="StixCollections.CreateAsync"/> as <c>POST /api/intelligence/collections</c>.
/// </summary>
internal sealed class IntelligenceCollectionsModel(StixCollections collections) : PageModel
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? DefaultTlp { get; set; } = "AMBER";

    public List<CollectionDto> Collections { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public bool CanWrite { get; private set; }
    public Guid? Created { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await Caller.ForRequestAsync(HttpContext) is not { } caller)
        {
            return Challenge();
        }
        CanWrite = caller.CanWrite;
        Collections = await collections.ListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await Caller.ForRequestAsync(HttpContext) is not { } caller)
        {
            return Challenge();
        }
        if (!caller.CanWrite)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        CanWrite = true;
        var (dto, errors) = await collections.CreateAsync(caller, new CreateCollectionRequest(Title, Description, DefaultTlp));
        if (dto is null)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            Created = dto.Id;
            Title = Description = null;
        }
        Collections = await collections.ListAsync();
        return Page();
    }
}
