using Jsms.Platform.Access;
using Jsms.Platform.Identity;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jsms.Features.Accounts;

/// <summary>
/// <c>/api/users</c>, for administrators. Anyone may be added to any agency (a new partner agency gets its first
/// administrator so); roles, passwords, unlocking and disabling act only on users of the caller's own agency, and
/// another agency's user answers 404.
/// </summary>
internal static class UserEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/users", "Users")
            .RequireAuthorization(p => p.RequireRole(JsmsRoles.Administrator));
        group.MapGet("", List);
        group.MapPost("", Create);
        group.MapPut("/{id:guid}/roles", SetRoles);
        group.MapPost("/{id:guid}/reset-password", ResetPassword);
        group.MapPost("/{id:guid}/unlock", Unlock);
        group.MapPost("/{id:guid}/disable", (Guid id, Caller caller, UserAdministration admin) => SetDisabled(id, true, caller, admin));
        group.MapPost("/{id:guid}/enable", (Guid id, Caller caller, UserAdministration admin) => SetDisabled(id, false, caller, admin));
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
        var summary = (await admin.ListAsync(user.Id)).Single();
        return TypedResults.Created($"/api/users/{user.Id}", summary);
    }

    public static async Task<Results<Ok<UserSummary>, NotFound, ValidationProblem>> SetRoles(Guid id, SetRolesRequest request, Caller caller, UserAdministration admin)
    {
        if (await admin.FindManagedAsync(id, caller.AgencyId) is not { } user)
        {
            return TypedResults.NotFound();
        }
        var errors = await admin.SetRolesAsync(user, request.Roles ?? [], caller.UserId);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return TypedResults.Ok((await admin.ListAsync(id)).Single());
    }

    public static async Task<Results<Ok<TemporaryPasswordDto>, NotFound>> ResetPassword(Guid id, Caller caller, UserAdministration admin)
    {
        if (await admin.FindManagedAsync(id, caller.AgencyId) is not { } user)
        {
            return TypedResults.NotFound();
        }
        var temporary = await admin.ResetPasswordAsync(user);
        return TypedResults.Ok(new TemporaryPasswordDto(user.Id, user.UserName ?? "", temporary));
    }

    public static async Task<Results<Ok<UserSummary>, NotFound>> Unlock(Guid id, Caller caller, UserAdministration admin)
    {
        if (await admin.FindManagedAsync(id, caller.AgencyId) is not { } user)
        {
            return TypedResults.NotFound();
        }
        await admin.UnlockAsync(user);
        return TypedResults.Ok((await admin.ListAsync(id)).Single());
    }

    public static async Task<Results<NoContent, NotFound, ValidationProblem>> SetDisabled(Guid id, bool disabled, Caller caller, UserAdministration admin)
    {
        if (await admin.FindManagedAsync(id, caller.AgencyId) is not { } user)
        {
            return TypedResults.NotFound();
        }
        if (disabled && user.Id == caller.UserId)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["user"] = ["You cannot disable your own account."] });
        }
        await admin.SetDisabledAsync(user, disabled);
        return TypedResults.NoContent();
    }
}
