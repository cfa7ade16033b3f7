using Jsms.Platform.Identity;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jsms.Features.Accounts;

internal static class UserEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/users", "Users")
            .RequireAuthorization(p => p.RequireRole(JsmsRoles.Administrator));
        group.MapGet("", List);
        group.MapPost("", Create);
        group.MapPost("/{id:guid}/disable", (Guid id, UserAdministration admin) => SetDisabled(id, true, admin));
        group.MapPost("/{id:guid}/enable", (Guid id, UserAdministration admin) => SetDisabled(id, false, admin));
    }

    public static async Task<Ok<List<UserSummary>>> List(UserAdministration admin)
        => TypedResults.Ok(await admin.ListAsync());

    public static async Task<Results<Created<UserSummary>, ValidationProblem>> Create(CreateUserRequest request, UserAdministration admin)
    {
        var (user, errors) = await admin.AddAsync(new NewUser(request.Username ?? "", request.DisplayName ?? "",
            request.Agency ?? "", request.Roles ?? [], request.Password ?? ""));
        if (user is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var summary = (await admin.ListAsync()).Single(u => u.Id == user.Id);
        return TypedResults.Created($"/api/users/{user.Id}", summary);
    }

    public static async Task<Results<NoContent, NotFound>> SetDisabled(Guid id, bool disabled, UserAdministration admin)
        => await admin.SetDisabledAsync(id.ToString(), disabled) ? TypedResults.NoContent() : TypedResults.NotFound();
}
