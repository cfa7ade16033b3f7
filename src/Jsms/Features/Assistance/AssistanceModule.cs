using System.Text;
using Jsms.Features.Consultations;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Assistance;

/// <summary>
/// Assistance projects as IATI activities under <c>/api/assistance</c>: list, read, create, replace, export as IATI
/// 2.03 XML and import one. The donor is the caller's agency; an activity the caller may not read answers 404.
/// </summary>
internal static class AssistanceModule
{
    /// <summary>The largest IATI file accepted (one activity is a few kilobytes).</summary>
    public const int MaxImportBytes = 1024 * 1024;

    public static IServiceCollection AddAssistance(this IServiceCollection services)
    {
        services.AddScoped<AssistanceService>();
        return services;
    }

    public static IEndpointRouteBuilder MapAssistance(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/assistance", "Assistance");
        group.MapGet("/activities", List);
        group.MapGet("/activities/{id:guid}", Get);
        group.MapGet("/activities/{id:guid}/iati", Export);

        var writes = group.MapWritesGroup();
        writes.MapPost("/activities", Create);
        writes.MapPut("/activities/{id:guid}", Replace);
        writes.MapPost("/activities/import", Import).Accepts<string>("application/xml");
        return app;
    }

    public static async Task<Ok<List<ActivityDto>>> List(Caller caller, AssistanceService assistance)
        => TypedResults.Ok(await assistance.ListAsync(caller));

    public static async Task<Results<Ok<ActivityDto>, NotFound>> Get(Guid id, Caller caller, AssistanceService assistance)
        => await assistance.GetAsync(caller, id) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    /// <summary>A new activity of the caller's agency (the donor); linked commitments must be readable (else 404 naming the field).</summary>
    public static async Task<Results<Created<ActivityDto>, NotFound, ValidationProblem>> Create(ActivityRequest request, Caller caller, AssistanceService assistance)
        => await assistance.CreateAsync(caller, request) switch
        {
            { Value: { } value } => TypedResults.Created($"/api/assistance/activities/{value.Id}", value),
            { Errors: { } errors } => TypedResults.ValidationProblem(errors),
            _ => TypedResults.NotFound(),
        };

    /// <summary>Replaces the whole activity (budgets, transactions, results and all).</summary>
    public static async Task<Results<Ok<ActivityDto>, NotFound, ValidationProblem>> Replace(Guid id, ActivityRequest request, Caller caller, AssistanceService assistance)
        => await assistance.ReplaceAsync(caller, id, request) switch
        {
            { Value: { } value } => TypedResults.Ok(value),
            { Errors: { } errors } => TypedResults.ValidationProblem(errors),
            _ => TypedResults.NotFound(),
        };

    /// <summary>The activity as IATI activity standard 2.03 XML (an audited export).</summary>
    public static async Task<Results<ContentHttpResult, NotFound>> Export(Guid id, Caller caller, AssistanceService assistance, JsmsDbContext db, TimeProvider clock)
    {
        if (await assistance.FindAsync(caller, id) is not { } activity)
        {
            return TypedResults.NotFound();
        }
        var donor = await db.Set<Agency>().AsNoTracking().Where(a => a.Id == activity.OwnerAgencyId).Select(a => new { a.Code, a.Name }).FirstAsync();
        var ids = activity.CommitmentIds.ToList();
        // Only the linked commitments the caller may read are named in what leaves the node.
        var readable = await db.Readable<Commitment>(caller).Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync();
        var xml = IatiXml.Write(activity, donor.Code, donor.Name, ids.Where(readable.Contains), clock.GetUtcNow().UtcDateTime);
        db.Audit("export", nameof(AssistanceActivity), activity.Id, "IATI 2.03 XML");
        await db.SaveChangesAsync();
        return TypedResults.Text(xml, "application/xml", Encoding.UTF8);
    }

    /// <summary>
    /// Imports one IATI activity (XML body, at most 1 MiB) as a new activity of the caller's agency, which must be its
    /// reporting-org. The caller is authenticated before the body is read; DTDs and external entities are refused; bad
    /// XML or values answer 400 naming what is wrong and store nothing. Marking: AMBER, released to the implementer if it is a known agency.
    /// </summary>
    public static async Task<Results<Created<ActivityDto>, NotFound, ValidationProblem, ProblemHttpResult>> Import(
        HttpRequest http, Caller caller, AssistanceService assistance)
    {
        PooledBody body;
        try
        {
            body = await PooledBody.ReadAsync(http.Body, http.ContentLength, MaxImportBytes, http.HttpContext.RequestAborted);
        }
        catch (BodyTooLargeException)
        {
            return TypedResults.Problem($"An IATI import is at most {MaxImportBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large");
        }
        using (body)
        {
            return await assistance.ImportAsync(caller, body.OpenRead(), MaxImportBytes) switch
            {
                { Value: { } value } => TypedResults.Created($"/api/assistance/activities/{value.Id}", value),
                { Errors: { } invalid } => TypedResults.ValidationProblem(invalid),
                _ => TypedResults.NotFound(),
            };
        }
    }
}
