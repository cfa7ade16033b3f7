using Jsms.Features.Protection;
using Jsms.Platform.Access;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jsms.Features.Operations;

/// <summary>
/// Consent requests, decisions, consents and the hosts' decision rules under <c>/api/operations/...</c>
/// (docs/operations.md). Requests and their decisions are seen by the parties only; decisions are taken and counted in
/// one place (<see cref="ConsentDecisions"/>); consents expire by the clock (<see cref="ConsentClock"/>).
/// </summary>
internal static class OperationsModule
{
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.AddSingleton<PassportNumbers>();
        services.AddSingleton<ConsentDecisions>();
        services.AddScoped<ConsentRequestInputs>();
        services.AddScoped<ConsentRequestViews>();
        services.AddScoped<ConsentRequestsService>();
        services.AddScoped<ConsentsService>();
        services.AddScoped<DecisionRulesService>();
        services.AddScoped<IForeignPersonnelConsentCheck, PartnerPersonnelConsents>();
        services.AddSingleton<ConsentClock>();
        services.AddHostedService(sp => sp.GetRequiredService<ConsentClock>());
        return services;
    }

    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder app)
    {
        var requests = app.MapApiGroup("/operations/consent-requests", "Operations");
        requests.MapGet("", ListRequests);
        requests.MapGet("/{id:guid}", GetRequest);
        var requestWrites = requests.MapWritesGroup();
        requestWrites.MapPost("", CreateRequest);
        requestWrites.MapPut("/{id:guid}", UpdateRequest);
        requestWrites.MapPost("/{id:guid}/clone", CloneRequest);
        requestWrites.MapPost("/{id:guid}/submit", SubmitRequest);
        requestWrites.MapPost("/{id:guid}/withdraw", WithdrawRequest);
        requestWrites.MapPost("/{id:guid}/decisions", Decide);

        var consents = app.MapApiGroup("/operations/consents", "Operations");
        consents.MapGet("", ListConsents);
        consents.MapGet("/active", ActiveConsents);
        consents.MapGet("/{id:guid}", GetConsent);
        var consentWrites = consents.MapWritesGroup();
        consentWrites.MapPost("/{id:guid}/amend", AmendConsent);
        consentWrites.MapPost("/{id:guid}/suspend", SuspendConsent);
        consentWrites.MapPost("/{id:guid}/resume", ResumeConsent);
        consentWrites.MapPost("/{id:guid}/revoke", RevokeConsent);
        consentWrites.MapPut("/{id:guid}/marking", ReleaseConsent);

        var rules = app.MapApiGroup("/operations/decision-rules", "Operations");
        rules.MapGet("", ListRules);
        rules.MapWritesGroup().MapPut("", SetRule);
        return app;
    }

    public static async Task<Ok<List<ConsentRequestSummaryDto>>> ListRequests(Caller caller, ConsentRequestsService requests, string? status = null)
        => TypedResults.Ok(await requests.ListAsync(caller, status));

    /// <summary>The request with its decisions and the rule's progress ("2 of 3 approved, no veto yet"); 404 to anyone not a party.</summary>
    public static async Task<Results<Ok<ConsentRequestDto>, NotFound>> GetRequest(Guid id, Caller caller, ConsentRequestsService requests)
        => await requests.GetAsync(caller, id) is { } request ? TypedResults.Ok(request) : TypedResults.NotFound();

    public static async Task<Results<Created<ConsentRequestDto>, NotFound, ValidationProblem, ProblemHttpResult>> CreateRequest(
        ConsentRequestInput input, Caller caller, ConsentRequestsService requests)
        => (await requests.CreateAsync(caller, input)).ToCreated(Location);

    public static async Task<Results<Ok<ConsentRequestDto>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateRequest(Guid id,
        ConsentRequestInput input, Caller caller, ConsentRequestsService requests)
        => (await requests.UpdateAsync(caller, id, input)).ToResult();

    public static async Task<Results<Created<ConsentRequestDto>, NotFound, ValidationProblem, ProblemHttpResult>> CloneRequest(Guid id,
        Caller caller, ConsentRequestsService requests)
        => (await requests.CloneAsync(caller, id)).ToCreated(Location);

    public static async Task<Results<Ok<ConsentRequestDto>, NotFound, ValidationProblem, ProblemHttpResult>> SubmitRequest(Guid id,
        Caller caller, ConsentRequestsService requests)
        => (await requests.SubmitAsync(caller, id)).ToResult();

    public static async Task<Results<Ok<ConsentRequestDto>, NotFound, ValidationProblem, ProblemHttpResult>> WithdrawRequest(Guid id,
        Caller caller, ConsentRequestsService requests)
        => (await requests.WithdrawAsync(caller, id)).ToResult();

    /// <summary>One host authority's answer; the request with its progress after it (and its consent's id once granted).</summary>
    public static async Task<Results<Ok<ConsentRequestDto>, NotFound, ValidationProblem, ProblemHttpResult>> Decide(Guid id,
        DecisionInput input, Caller caller, ConsentDecisions decisions, ConsentRequestsService requests)
    {
        var outcome = await decisions.DecideAsync(caller, id, input);
        return outcome.Value is null
            ? ToRequestResult(outcome)
            : TypedResults.Ok((await requests.GetAsync(caller, id))!);
    }

    public static async Task<Ok<List<ConsentDto>>> ListConsents(Caller caller, ConsentsService consents, string? state = null)
        => TypedResults.Ok(await consents.ListAsync(caller, state));

    /// <summary>Who is on the state's territory now under which consent (the consents the caller may read).</summary>
    public static async Task<Results<Ok<List<ActivePresenceDto>>, ValidationProblem>> ActiveConsents(Caller caller, ConsentsService consents,
        string? state = null)
        => string.IsNullOrWhiteSpace(state)
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["state"] = ["Required: the ISO code of the host state."] })
            : await consents.ActiveAsync(caller, state) is { } active
                ? TypedResults.Ok(active)
                : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["state"] = [$"Unknown state '{state}'."] });

    public static async Task<Results<Ok<ConsentDto>, NotFound>> GetConsent(Guid id, Caller caller, ConsentsService consents)
        => await consents.GetAsync(caller, id) is { } consent ? TypedResults.Ok(consent) : TypedResults.NotFound();

    /// <summary>A new draft request amending the consent (the requester's); once granted, it supersedes this consent.</summary>
    public static async Task<Results<Created<ConsentRequestDto>, NotFound, ValidationProblem, ProblemHttpResult>> AmendConsent(Guid id,
        Caller caller, ConsentRequestsService requests)
        => (await requests.AmendAsync(caller, id)).ToCreated(Location);

    public static async Task<Results<Ok<ConsentDto>, NotFound, ValidationProblem, ProblemHttpResult>> SuspendConsent(Guid id,
        ConsentStatusInput input, Caller caller, ConsentsService consents)
        => (await consents.SuspendAsync(caller, id, input)).ToResult();

    public static async Task<Results<Ok<ConsentDto>, NotFound, ValidationProblem, ProblemHttpResult>> ResumeConsent(Guid id,
        ConsentStatusInput input, Caller caller, ConsentsService consents)
        => (await consents.ResumeAsync(caller, id, input)).ToResult();

    public static async Task<Results<Ok<ConsentDto>, NotFound, ValidationProblem, ProblemHttpResult>> RevokeConsent(Guid id,
        ConsentStatusInput input, Caller caller, ConsentsService consents)
        => (await consents.RevokeAsync(caller, id, input)).ToResult();

    public static async Task<Results<Ok<ConsentDto>, NotFound, ValidationProblem, ProblemHttpResult>> ReleaseConsent(Guid id,
        MarkingInput input, Caller caller, ConsentsService consents)
        => (await consents.ReleaseAsync(caller, id, input)).ToResult();

    public static async Task<Ok<List<DecisionRuleDto>>> ListRules(DecisionRulesService rules) => TypedResults.Ok(await rules.ListAsync());

    public static async Task<Results<Ok<DecisionRuleDto>, NotFound, ValidationProblem, ProblemHttpResult>> SetRule(DecisionRuleInput input,
        Caller caller, DecisionRulesService rules)
        => (await rules.SetAsync(caller, input)).ToResult();

    private static string Location(ConsentRequestDto r) => $"/api/operations/consent-requests/{r.Id}";

    private static Results<Ok<ConsentRequestDto>, NotFound, ValidationProblem, ProblemHttpResult> ToRequestResult(OperationOutcome<ConsentDecision> outcome)
        => outcome switch
        {
            { Errors: { } errors } => TypedResults.ValidationProblem(errors),
            { Forbidden: { } why } => TypedResults.Problem(why, statusCode: StatusCodes.Status403Forbidden, title: "Not yours to decide"),
            { Conflict: { } why } => TypedResults.Problem(why, statusCode: StatusCodes.Status409Conflict, title: "Not possible in this state"),
            _ => TypedResults.NotFound(),
        };
}
