using Jsms.Features.Screening.Lists;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jsms.Features.Screening.Watchlists;

/// <summary>
/// Continuous screening: watchlists of subjects, rescreened in the background after every list import (<see cref="RescreenWorker"/>, whose runs
/// GET /api/screening/rescreens shows),
/// and the matches to review. The use cases are in <see cref="WatchlistsService"/> and <see cref="WatchMatchesService"/>,
/// shared with the pages; these methods map their outcomes to HTTP.
/// </summary>
internal static class WatchlistsModule
{
    public const long MaxUploadBytes = 32L * 1024 * 1024;

    public static IServiceCollection AddWatchlists(this IServiceCollection services)
    {
        services.AddSingleton<RescreenGate>();
        services.AddSingleton<RescreenQueue>();
        services.AddHostedService<RescreenWorker>();
        services.AddScoped<WatchlistRescreener>();
        services.AddScoped<IListImportObserver, RescreenScheduler>();
        services.AddScoped<WatchlistsService>();
        services.AddScoped<WatchMatchesService>();
        return services;
    }

    public static IEndpointRouteBuilder MapWatchlists(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/screening/watchlists", "Watchlists");
        group.MapGet("", List);
        group.MapGet("/{id:guid}", Get);
        group.MapGet("/{id:guid}/subjects", Subjects);
        group.MapGet("/subjects/{id:guid}", GetSubject);
        group.MapGet("/matches", Matches);
        group.MapGet("/matches/{id:guid}", GetMatch);
        var writes = group.MapWritesGroup();
        writes.MapPost("", Create);
        writes.MapPost("/{id:guid}/subjects", AddSubject);
        writes.MapPut("/subjects/{id:guid}", UpdateSubject);
        writes.MapPost("/{id:guid}/upload", Upload).DisableAntiforgery();
        writes.MapPost("/{id:guid}/protected-persons", AddProtectedPersons);
        writes.MapPost("/matches/{id:guid}/review", Review);
        app.MapApiGroup("/screening/rescreens", "Watchlists").MapGet("", Rescreens);
        return app;
    }

    /// <summary>The latest background rescreens after list imports, newest first: what triggered each, when, what it did, or why it failed.</summary>
    public static async Task<Ok<List<RescreenRunDto>>> Rescreens(JsmsDbContext db, int? limit)
        => TypedResults.Ok(await RescreensAsync(db, limit ?? 20));

    internal static async Task<List<RescreenRunDto>> RescreensAsync(JsmsDbContext db, int limit)
    {
        var runs = await db.Set<RescreenRun>().AsNoTracking().OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id)
            .Take(Math.Clamp(limit, 1, 200)).ToListAsync();
        return [.. runs.Select(r => new RescreenRunDto(r.Id, r.ListVersionId, r.Trigger, r.Status.ToString(), r.RequestedAt, r.StartedAt, r.FinishedAt, r.Note))];
    }

    public static async Task<Ok<List<WatchlistDto>>> List(Caller caller, WatchlistsService watchlists)
        => TypedResults.Ok(await watchlists.ListAsync(caller));

    public static async Task<Results<Ok<WatchlistDto>, NotFound>> Get(Guid id, Caller caller, WatchlistsService watchlists)
        => await watchlists.GetAsync(caller, id) is { } w ? TypedResults.Ok(w) : TypedResults.NotFound();

    public static async Task<Results<Created<WatchlistDto>, ValidationProblem>> Create(WatchlistRequest request, Caller caller, WatchlistsService watchlists)
    {
        var outcome = await watchlists.CreateAsync(caller, request);
        return outcome.Value is { } w ? TypedResults.Created($"/api/screening/watchlists/{w.Id}", w) : TypedResults.ValidationProblem(outcome.Errors!);
    }

    public static async Task<Results<Ok<List<SubjectDto>>, NotFound>> Subjects(Guid id, Caller caller, WatchlistsService watchlists, int? limit)
        => await watchlists.SubjectsAsync(caller, id, limit ?? 500) is { } s ? TypedResults.Ok(s) : TypedResults.NotFound();

    public static async Task<Results<Ok<SubjectDto>, NotFound>> GetSubject(Guid id, Caller caller, WatchlistsService watchlists, WatchMatchesService matches)
        => await watchlists.GetSubjectAsync(caller, id, matches) is { } s ? TypedResults.Ok(s) : TypedResults.NotFound();

    public static async Task<Results<Created<SubjectDto>, NotFound, ValidationProblem>> AddSubject(Guid id, SubjectRequest request, Caller caller,
        WatchlistsService watchlists)
        => await watchlists.AddSubjectAsync(caller, id, request) switch
        {
            { Value: { } s } => TypedResults.Created($"/api/screening/watchlists/subjects/{s.Id}", s),
            { Errors: { } errors } => TypedResults.ValidationProblem(errors),
            _ => TypedResults.NotFound(),
        };

    public static async Task<Results<Ok<SubjectDto>, NotFound, ValidationProblem>> UpdateSubject(Guid id, SubjectRequest request, Caller caller,
        WatchlistsService watchlists)
        => ToResult(await watchlists.UpdateSubjectAsync(caller, id, request));

    /// <summary>Uploads subjects from a CSV (multipart "file"; optional "category" for rows without one), all or none.</summary>
    public static async Task<Results<Ok<UploadOutcomeDto>, NotFound, ValidationProblem>> Upload(Guid id, HttpContext http, Caller caller,
        WatchlistsService watchlists, CancellationToken cancellationToken)
    {
        var (form, formError) = await MultipartForms.ReadAsync(http, MaxUploadBytes, cancellationToken);
        if (form?.Files.GetFile("file") is not { } file)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [formError ?? "Upload a CSV in the multipart field 'file'."] });
        }
        var category = SubjectCategory.Customer;
        if (form["category"].FirstOrDefault() is { Length: > 0 } text && (!Enum.TryParse(text, true, out category) || int.TryParse(text, out _)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["category"] = [$"'{text}' is not a category: use {string.Join(", ", Enum.GetNames<SubjectCategory>())}."],
            });
        }
        await using var stream = file.OpenReadStream();
        return ToResult(await watchlists.UploadAsync(caller, id, stream, file.FileName, category));
    }

    public static async Task<Results<Ok<UploadOutcomeDto>, NotFound, ValidationProblem>> AddProtectedPersons(Guid id, Caller caller, WatchlistsService watchlists)
        => ToResult(await watchlists.AddProtectedPersonsAsync(caller, id));

    /// <summary>The matches of the watchlists the caller may read, newest first; <c>status</c> open, confirmed or falsePositive.</summary>
    public static async Task<Results<Ok<List<MatchDto>>, ValidationProblem>> Matches(Caller caller, WatchMatchesService matches, string? status, Guid? watchlist)
    {
        MatchStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<MatchStatus>(status, true, out var parsed) || int.TryParse(status, out _))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["The status is open, confirmed or falsePositive."] });
            }
            wanted = parsed;
        }
        return TypedResults.Ok(await matches.ListAsync(caller, wanted, watchlist, null));
    }

    public static async Task<Results<Ok<MatchDto>, NotFound>> GetMatch(Guid id, Caller caller, WatchMatchesService matches)
        => await matches.GetAsync(caller, id) is { } m ? TypedResults.Ok(m) : TypedResults.NotFound();

    public static async Task<Results<Ok<MatchDto>, NotFound, ValidationProblem>> Review(Guid id, ReviewRequest request, Caller caller, WatchMatchesService matches)
        => ToResult(await matches.ReviewAsync(caller, id, request));

    private static Results<Ok<T>, NotFound, ValidationProblem> ToResult<T>(Outcome<T> outcome) where T : class => outcome switch
    {
        { Value: { } value } => TypedResults.Ok(value),
        { Errors: { } errors } => TypedResults.ValidationProblem(errors),
        _ => TypedResults.NotFound(),
    };
}
