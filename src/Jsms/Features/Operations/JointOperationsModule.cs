using Jsms.Features.Tracking;
using Jsms.Platform.Access;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jsms.Features.Operations;

/// <summary>
/// Joint operations under <c>/api/operations/joint</c>, the consent register under <c>/api/operations/register</c>, and
/// the deployments the tracking engine watches against consents (<see cref="DeploymentWatches"/>). See docs/operations.md.
/// </summary>
internal static class JointOperationsModule
{
    public static IServiceCollection AddJointOperations(this IServiceCollection services)
    {
        services.AddScoped<JointOperationsService>();
        services.AddScoped<ConsentRegister>();
        services.AddSingleton<IDeploymentWatchSource, DeploymentWatches>();
        // Every JsmsDbContext counts consent and operation changes, so the engine reloads what it watches.
        services.AddSingleton<IInterceptor>(DeploymentChanges.Interceptor);
        return services;
    }

    public static IEndpointRouteBuilder MapJointOperations(this IEndpointRouteBuilder app)
    {
        var joint = app.MapApiGroup("/operations/joint", "Operations");
        joint.MapGet("", ListOperations);
        joint.MapGet("/{id:guid}", GetOperation);
        var writes = joint.MapWritesGroup();
        writes.MapPost("", CreateOperation);
        writes.MapPut("/{id:guid}", UpdateOperation);
        writes.MapPost("/{id:guid}/status", MoveOperation);
        writes.MapPost("/{id:guid}/outcome", RecordOutcome);

        app.MapApiGroup("/operations/register", "Operations").MapGet("", Register);
        return app;
    }

    public static async Task<Ok<List<JointOperationSummaryDto>>> ListOperations(Caller caller, JointOperationsService operations, string? state = null,
        string? status = null)
        => TypedResults.Ok(await operations.ListAsync(caller, state, status));

    /// <summary>The operation with its timeline; 404 to anyone not a party.</summary>
    public static async Task<Results<Ok<JointOperationDto>, NotFound>> GetOperation(Guid id, Caller caller, JointOperationsService operations)
        => await operations.GetAsync(caller, id) is { } operation ? TypedResults.Ok(operation) : TypedResults.NotFound();

    public static async Task<Results<Created<JointOperationDto>, NotFound, ValidationProblem, ProblemHttpResult>> CreateOperation(
        JointOperationInput input, Caller caller, JointOperationsService operations)
        => (await operations.CreateAsync(caller, input)).ToCreated();

    public static async Task<Results<Ok<JointOperationDto>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateOperation(Guid id,
        JointOperationInput input, Caller caller, JointOperationsService operations)
        => (await operations.UpdateAsync(caller, id, input)).ToResult();

    /// <summary>A status change; approving and starting are refused (409, <c>uncovered</c> by field) unless the consent covers the operation.</summary>
    public static async Task<Results<Ok<JointOperationDto>, NotFound, ValidationProblem, ProblemHttpResult>> MoveOperation(Guid id,
        OperationStatusInput input, Caller caller, JointOperationsService operations)
        => (await operations.MoveAsync(caller, id, input)).ToResult();

    public static async Task<Results<Ok<JointOperationDto>, NotFound, ValidationProblem, ProblemHttpResult>> RecordOutcome(Guid id,
        OperationResultInput input, Caller caller, JointOperationsService operations)
        => (await operations.RecordResultAsync(caller, id, input)).ToResult();

    /// <summary>Who is on the state's territory under which consent now, with the consented areas as GeoJSON and the teams' last positions.</summary>
    public static async Task<Results<Ok<ConsentRegisterDto>, ValidationProblem>> Register(Caller caller, ConsentRegister register, string? state = null)
        => string.IsNullOrWhiteSpace(state)
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["state"] = ["Required: the ISO code of the host state."] })
            : await register.ForStateAsync(caller, state) is { } found
                ? TypedResults.Ok(found)
                : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["state"] = [$"Unknown state '{state}'."] });
}
