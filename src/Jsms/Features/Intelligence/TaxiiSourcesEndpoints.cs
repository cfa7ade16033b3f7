using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Intelligence;

/// <summary><c>/api/intelligence/sources</c>: TAXII sources this node pulls from (administrators only) and their status.</summary>
internal static class TaxiiSourcesEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/sources", List);
        // Administrators only, decided before the body is read (anyone else gets 403 whatever they send), as the handlers do again.
        group.MapPost("/sources", Create).RequireAuthorization(p => p.RequireRole(Jsms.Platform.Identity.JsmsRoles.Administrator));
        group.MapPost("/sources/{id:guid}/pull", Pull);
        group.MapPost("/sources/{id:guid}/push", Push);
        group.MapPut("/sources/{id:guid}", Update).RequireAuthorization(p => p.RequireRole(Jsms.Platform.Identity.JsmsRoles.Administrator));
        group.MapDelete("/sources/{id:guid}", Delete);
    }

    public static async Task<List<TaxiiSourceDto>> ListAsync(JsmsDbContext db)
    {
        var agencies = await db.Set<Agency>().AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code);
        var sources = await db.Set<TaxiiSource>().AsNoTracking().OrderBy(s => s.Name).ToListAsync();
        return [.. sources.Select(s => ToDto(s, agencies.GetValueOrDefault(s.OwnerAgencyId, "?")))];
    }

    private static TaxiiSourceDto ToDto(TaxiiSource s, string ownerCode)
        => new(s.Id, s.Name, s.ApiRootUrl, s.RemoteCollectionId, s.Username, s.LocalCollectionId, ownerCode, s.IntervalMinutes, s.Enabled,
            s.AddedAfter, s.Status.ToString(), s.LastError, s.LastAttemptAt, s.LastSuccessAt, s.LastAccepted, s.LastRefused, s.Direction.ToString(), s.PushedUpTo);

    public static async Task<Results<Ok<List<TaxiiSourceDto>>, ForbidHttpResult>> List(Caller caller, JsmsDbContext db)
        => caller.IsAdministrator ? TypedResults.Ok(await ListAsync(db)) : TypedResults.Forbid();

    public static async Task<Results<Created<TaxiiSourceDto>, ValidationProblem, ForbidHttpResult>> Create(CreateTaxiiSourceRequest request,
        Caller caller, JsmsDbContext db, TaxiiPuller puller, TimeProvider clock)
    {
        if (!caller.IsAdministrator)
        {
            return TypedResults.Forbid();
        }
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            errors["name"] = ["A name of at most 200 characters is required."];
        }
        if (!Uri.TryCreate(request.ApiRootUrl, UriKind.Absolute, out var root) || root.Scheme is not ("https" or "http") || request.ApiRootUrl!.Length > 1000)
        {
            errors["apiRootUrl"] = ["The remote API root as an absolute http(s) URL, e.g. https://node.example/taxii2/api/."];
        }
        if (string.IsNullOrWhiteSpace(request.RemoteCollectionId) || request.RemoteCollectionId.Length > 200)
        {
            errors["remoteCollectionId"] = ["The id of the remote collection is required."];
        }
        if (string.IsNullOrEmpty(request.Secret))
        {
            errors["secret"] = ["A password (with a username) or a bearer token is required."];
        }
        if (request.Username?.Length > 256)
        {
            errors["username"] = ["At most 256 characters."];
        }
        if (request.LocalCollectionId is not { } local || !await db.Set<StixCollection>().AnyAsync(c => c.Id == local))
        {
            errors["localCollectionId"] = ["An existing local collection is required."];
        }
        var ownerCode = request.OwnerAgency?.Trim().ToUpperInvariant();
        var owner = string.IsNullOrEmpty(ownerCode)
            ? null
            : await db.Set<Agency>().Where(a => a.Code == ownerCode).Select(a => (Guid?)a.Id).FirstOrDefaultAsync();
        if (owner is null)
        {
            errors["ownerAgency"] = ["The code of the agency that represents the remote partner (it owns the pulled records)."];
        }
        if (request.IntervalMinutes is < 1 or > 10080)
        {
            errors["intervalMinutes"] = ["Between 1 and 10080 minutes."];
        }
        var direction = TaxiiDirection.Pull;
        if (request.Direction is not null && !Enum.TryParse(request.Direction, ignoreCase: true, out direction) || !Enum.IsDefined(direction))
        {
            errors["direction"] = ["pull or push."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var source = new TaxiiSource
        {
            Id = Guid.NewGuid(),
            Name = request.Name!.Trim(),
            Direction = direction,
            ApiRootUrl = request.ApiRootUrl!.Trim(),
            RemoteCollectionId = request.RemoteCollectionId!.Trim(),
            Username = string.IsNullOrWhiteSpace(request.Username) ? null : request.Username.Trim(),
            ProtectedSecret = puller.Protector.Protect(request.Secret!),
            LocalCollectionId = request.LocalCollectionId!.Value,
            OwnerAgencyId = owner!.Value,
            CreatedByUserId = caller.UserId,
            IntervalMinutes = request.IntervalMinutes ?? 15,
            Enabled = request.Enabled ?? true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(source);
        db.Audit("create", nameof(TaxiiSource), source.Id, $"{source.Direction} {source.Name} {source.ApiRootUrl} {source.RemoteCollectionId}");
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/intelligence/sources/{source.Id}", ToDto(source, ownerCode!));
    }

    /// <summary>Pulls the source now (also when disabled) and returns what the pull did and the source's status.</summary>
    public static async Task<Results<Ok<PullResponse>, NotFound, ForbidHttpResult, ValidationProblem>> Pull(Guid id, Caller caller, JsmsDbContext db, TaxiiPuller puller,
        CancellationToken cancellationToken)
    {
        if (!caller.IsAdministrator)
        {
            return TypedResults.Forbid();
        }
        if (await db.Set<TaxiiSource>().Where(s => s.Id == id).Select(s => (TaxiiDirection?)s.Direction).FirstOrDefaultAsync(cancellationToken) is not { } direction)
        {
            return TypedResults.NotFound();
        }
        if (direction != TaxiiDirection.Pull)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["direction"] = ["This source pushes: use /push."] });
        }
        var result = await puller.PullAsync(id, cancellationToken);
        var source = (await ListAsync(db)).Single(s => s.Id == id);
        return TypedResults.Ok(new PullResponse(result, source));
    }

    /// <summary>Pushes to the destination now (also when disabled) and returns what the push did and the destination's status.</summary>
    public static async Task<Results<Ok<PushResponse>, NotFound, ForbidHttpResult, ValidationProblem>> Push(Guid id, Caller caller, JsmsDbContext db, TaxiiPusher pusher,
        CancellationToken cancellationToken)
    {
        if (!caller.IsAdministrator)
        {
            return TypedResults.Forbid();
        }
        if (await db.Set<TaxiiSource>().Where(s => s.Id == id).Select(s => (TaxiiDirection?)s.Direction).FirstOrDefaultAsync(cancellationToken) is not { } direction)
        {
            return TypedResults.NotFound();
        }
        if (direction != TaxiiDirection.Push)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["direction"] = ["This source pulls: use /pull."] });
        }
        var result = await pusher.PushAsync(id, cancellationToken);
        var source = (await ListAsync(db)).Single(s => s.Id == id);
        return TypedResults.Ok(new PushResponse(result, source));
    }

    /// <summary>Edits a source (null keeps a value): name, remote, credentials, interval, enabled; <c>resetMark</c> starts again from the beginning.</summary>
    public static async Task<Results<Ok<TaxiiSourceDto>, NotFound, ValidationProblem, ForbidHttpResult>> Update(Guid id, UpdateTaxiiSourceRequest request,
        Caller caller, JsmsDbContext db, TaxiiPuller puller)
    {
        if (!caller.IsAdministrator)
        {
            return TypedResults.Forbid();
        }
        var source = await db.Set<TaxiiSource>().FirstOrDefaultAsync(s => s.Id == id);
        if (source is null)
        {
            return TypedResults.NotFound();
        }
        var errors = new Dictionary<string, string[]>();
        if (request.Name is not null && (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200))
        {
            errors["name"] = ["A name of at most 200 characters."];
        }
        if (request.ApiRootUrl is not null && (!Uri.TryCreate(request.ApiRootUrl, UriKind.Absolute, out var root) || root.Scheme is not ("https" or "http") || request.ApiRootUrl.Length > 1000))
        {
            errors["apiRootUrl"] = ["The remote API root as an absolute http(s) URL, e.g. https://node.example/taxii2/api/."];
        }
        if (request.RemoteCollectionId is not null && (string.IsNullOrWhiteSpace(request.RemoteCollectionId) || request.RemoteCollectionId.Length > 200))
        {
            errors["remoteCollectionId"] = ["The id of the remote collection."];
        }
        if (request.Username?.Length > 256)
        {
            errors["username"] = ["At most 256 characters."];
        }
        if (request.IntervalMinutes is < 1 or > 10080)
        {
            errors["intervalMinutes"] = ["Between 1 and 10080 minutes."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        source.Name = request.Name?.Trim() ?? source.Name;
        source.ApiRootUrl = request.ApiRootUrl?.Trim() ?? source.ApiRootUrl;
        source.RemoteCollectionId = request.RemoteCollectionId?.Trim() ?? source.RemoteCollectionId;
        if (request.Username is not null)
        {
            source.Username = request.Username.Trim().Length == 0 ? null : request.Username.Trim();
        }
        if (!string.IsNullOrEmpty(request.Secret))
        {
            source.ProtectedSecret = puller.Protector.Protect(request.Secret);
        }
        source.IntervalMinutes = request.IntervalMinutes ?? source.IntervalMinutes;
        source.Enabled = request.Enabled ?? source.Enabled;
        if (request.ResetMark == true)
        {
            source.AddedAfter = null;
            source.PushedUpTo = null;
        }
        db.Audit("update", nameof(TaxiiSource), source.Id, $"{source.Name} enabled={source.Enabled}{(request.Secret is { Length: > 0 } ? " new secret" : "")}{(request.ResetMark == true ? " mark reset" : "")}");
        await db.SaveChangesAsync();
        return TypedResults.Ok((await ListAsync(db)).Single(s => s.Id == id));
    }

    public static async Task<Results<NoContent, NotFound, ForbidHttpResult>> Delete(Guid id, Caller caller, JsmsDbContext db)
    {
        if (!caller.IsAdministrator)
        {
            return TypedResults.Forbid();
        }
        var source = await db.Set<TaxiiSource>().FirstOrDefaultAsync(s => s.Id == id);
        if (source is null)
        {
            return TypedResults.NotFound();
        }
        db.Remove(source);
        db.Audit("delete", nameof(TaxiiSource), source.Id, $"{source.Name} {source.ApiRootUrl}");
        await db.SaveChangesAsync();
        return TypedResults.NoContent();
    }
}
