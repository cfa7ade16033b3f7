using Jsms.Platform.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jsms.Features.Intelligence;

/// <summary><c>POST /api/intelligence/objects</c>, <c>PUT /api/intelligence/objects/{id}</c>, <c>POST .../{id}/revoke</c>.</summary>
internal static class StixAuthoringEndpoints
{
    public static void Map(RouteGroupBuilder writes)
    {
        writes.MapPost("/objects", Create);
        writes.MapPut("/objects/{stixId}", Update);
        writes.MapPost("/objects/{stixId}/revoke", Revoke);
    }

    public static async Task<Results<Created<WrittenStix>, ValidationProblem>> Create(WriteStixRequest request, Caller caller, StixAuthoring authoring)
        => await authoring.CreateAsync(caller, request) switch
        {
            ({ } written, _) => TypedResults.Created($"/api/intelligence/objects/{written.Id}", written),
            (_, var errors) => TypedResults.ValidationProblem(errors!),
        };

    public static async Task<Results<Ok<WrittenStix>, NotFound, ValidationProblem>> Update(string stixId, WriteStixRequest request, Caller caller, StixAuthoring authoring)
        => ToResult(await authoring.UpdateAsync(caller, stixId, request));

    public static async Task<Results<Ok<WrittenStix>, NotFound, ValidationProblem>> Revoke(string stixId, Caller caller, StixAuthoring authoring)
        => ToResult(await authoring.RevokeAsync(caller, stixId));

    private static Results<Ok<WrittenStix>, NotFound, ValidationProblem> ToResult((WrittenStix?, Dictionary<string, string[]>?) outcome) => outcome switch
    {
        ({ } written, _) => TypedResults.Ok(written),
        (_, { } errors) => TypedResults.ValidationProblem(errors),
        _ => TypedResults.NotFound(),
    };
}
