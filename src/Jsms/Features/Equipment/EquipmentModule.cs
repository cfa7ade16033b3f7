using Jsms.Platform.Access;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jsms.Features.Equipment;

/// <summary>
/// Equipment supply with end-use monitoring under <c>/api/equipment</c>: agreements (the supplier's releasable record,
/// released to the recipient), deliveries with serial numbers, inventories due and recorded, and transfer requests
/// that the supplier decides (<see cref="TransferConsent"/>). A record the caller may not read answers 404.
/// </summary>
internal static class EquipmentModule
{
    public static IServiceCollection AddEquipment(this IServiceCollection services)
    {
        services.AddOptions<EquipmentOptions>().BindConfiguration(EquipmentOptions.Section);
        services.AddScoped<EquipmentService>();
        services.AddScoped<TransferConsent>();
        services.AddSingleton<InventoryOverdueMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<InventoryOverdueMonitor>());
        return services;
    }

    public static IEndpointRouteBuilder MapEquipment(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/equipment", "Equipment");
        group.MapGet("/agreements", ListAgreements);
        group.MapGet("/agreements/{id:guid}", GetAgreement);
        group.MapGet("/inventories/due", InventoriesDue);
        group.MapGet("/transfers/{id:guid}", GetTransfer);

        var writes = group.MapWritesGroup();
        writes.MapPost("/agreements", CreateAgreement);
        writes.MapPost("/agreements/{id:guid}/deliveries", RecordDelivery);
        writes.MapPost("/agreements/{id:guid}/inventories", RecordInventory);
        writes.MapPost("/agreements/{id:guid}/transfers", RequestTransfer);
        writes.MapPost("/transfers/{id:guid}/decision", DecideTransfer);
        return app;
    }

    public static async Task<Ok<List<AgreementDto>>> ListAgreements(Caller caller, EquipmentService equipment)
        => TypedResults.Ok(await equipment.ListAgreementsAsync(caller));

    /// <summary>The agreement with its deliveries, serials, inventory checks and transfer requests.</summary>
    public static async Task<Results<Ok<AgreementDto>, NotFound>> GetAgreement(Guid id, Caller caller, EquipmentService equipment)
        => await equipment.GetAgreementAsync(caller, id) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    /// <summary>Agreements whose next inventory is overdue or due within <c>withinDays</c> (default 30), soonest first.</summary>
    public static async Task<Results<Ok<List<AgreementDto>>, ValidationProblem>> InventoriesDue(int? withinDays, Caller caller, EquipmentService equipment)
        => withinDays is < 0 or > 3660
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["withinDays"] = ["From 0 to 3660 days."] })
            : TypedResults.Ok(await equipment.ListAgreementsAsync(caller, dueOnly: true, withinDays ?? 30));

    public static async Task<Results<Created<AgreementDto>, NotFound, ValidationProblem>> CreateAgreement(CreateAgreementRequest request, Caller caller, EquipmentService equipment)
        => Created(await equipment.CreateAgreementAsync(caller, request), a => $"/api/equipment/agreements/{a.Id}");

    /// <summary>A delivery by the supplier, with each item's serial number; the first inventory falls due 90 days later.</summary>
    public static async Task<Results<Created<AgreementDto>, NotFound, ValidationProblem>> RecordDelivery(Guid id, RecordDeliveryRequest request, Caller caller, EquipmentService equipment)
        => Created(await equipment.RecordDeliveryAsync(caller, id, request), a => $"/api/equipment/agreements/{a.Id}");

    /// <summary>An inventory check by the supplier or the recipient; missing or unconsented transferred serials raise alerts once.</summary>
    public static async Task<Results<Created<InventoryCheckDto>, NotFound, ValidationProblem>> RecordInventory(Guid id, RecordInventoryRequest request, Caller caller, EquipmentService equipment)
        => Created(await equipment.RecordInventoryAsync(caller, id, request), c => $"/api/equipment/agreements/{c.AgreementId}");

    public static async Task<Results<Ok<TransferRequestDto>, NotFound>> GetTransfer(Guid id, Caller caller, TransferConsent consent)
        => await consent.GetAsync(caller, id) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    /// <summary>The recipient asks the supplier's consent to transfer serials to a third party.</summary>
    public static async Task<Results<Created<TransferRequestDto>, NotFound, ValidationProblem>> RequestTransfer(Guid id, RequestTransferRequest request, Caller caller, TransferConsent consent)
        => Created(await consent.RequestAsync(caller, id, request), t => $"/api/equipment/transfers/{t.Id}");

    /// <summary>The supplier approves, or refuses with a reason; 403 for anyone else who can read it, 409 once decided.</summary>
    public static async Task<Results<Ok<TransferRequestDto>, NotFound, ValidationProblem, ProblemHttpResult>> DecideTransfer(
        Guid id, DecideTransferRequest request, Caller caller, TransferConsent consent)
    {
        var (outcome, forbidden) = await consent.DecideAsync(caller, id, request);
        if (forbidden is not null)
        {
            return TypedResults.Problem(forbidden, statusCode: StatusCodes.Status403Forbidden, title: "Only the supplier decides");
        }
        if (outcome.Conflict is { } why)
        {
            return TypedResults.Problem(why, statusCode: StatusCodes.Status409Conflict, title: "Already decided");
        }
        return outcome switch
        {
            { Value: { } value } => TypedResults.Ok(value),
            { Errors: { } errors } => TypedResults.ValidationProblem(errors),
            _ => TypedResults.NotFound(),
        };
    }

    private static Results<Created<T>, NotFound, ValidationProblem> Created<T>(Outcome<T> outcome, Func<T, string> location) where T : class => outcome switch
    {
        { Value: { } value } => TypedResults.Created(location(value), value),
        { Errors: { } errors } => TypedResults.ValidationProblem(errors),
        _ => TypedResults.NotFound(),
    };
}
