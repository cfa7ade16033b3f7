using Jsms.Platform.Database;
using Jsms.Platform.Identity;
using Jsms.Platform.Partners;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Partners;

internal static class PartnersModule
{
    public static IServiceCollection AddPartners(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapPartners(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/partners", "Partners");
        group.MapGet("/states", ListStates);
        group.MapGet("/agencies", ListAgencies);
        group.MapGet("/partnerships", ListPartnerships);
        group.MapGet("/partnerships/{id:guid}", GetPartnership);

        var admin = group.MapGroup("").RequireAuthorization(p => p.RequireRole(JsmsRoles.Administrator));
        admin.MapPost("/states", CreateState);
        admin.MapPost("/agencies", CreateAgency);
        admin.MapPost("/partnerships", CreatePartnership);
        admin.MapPost("/partnerships/{id:guid}/agreements", CreateAgreement);
        DirectoryEndpoints.Map(app);
        return app;
    }

    public static async Task<Ok<List<StateDto>>> ListStates(JsmsDbContext db)
        => TypedResults.Ok(await db.Set<State>().AsNoTracking().OrderBy(s => s.Name).Select(s => new StateDto(s.Id, s.IsoCode, s.Name)).ToListAsync());

    public static async Task<Ok<List<AgencyDto>>> ListAgencies(JsmsDbContext db)
        => TypedResults.Ok(await db.Set<Agency>().AsNoTracking().OrderBy(a => a.Code)
            .Select(a => new AgencyDto(a.Id, a.Code, a.Name, a.Kind, a.State!.IsoCode, a.State.Name)).ToListAsync());

    public static async Task<Ok<List<PartnershipDto>>> ListPartnerships(JsmsDbContext db)
        => TypedResults.Ok(await PartnershipsQuery(db).ToListAsync());

    public static async Task<Results<Ok<PartnershipDto>, NotFound>> GetPartnership(Guid id, JsmsDbContext db)
        => await PartnershipsQuery(db, id).FirstOrDefaultAsync() is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    /// <summary>Partnerships as DTOs; filter by <paramref name="id"/> here, since EF cannot translate a filter on the constructed record.</summary>
    internal static IQueryable<PartnershipDto> PartnershipsQuery(JsmsDbContext db, Guid? id = null)
        => db.Set<Partnership>().AsNoTracking().Where(p => id == null || p.Id == id).OrderBy(p => p.Name).Select(p => new PartnershipDto(p.Id, p.Name, p.Kind, p.Description, p.EstablishedOn,
            p.Members.OrderBy(m => m.Role).ThenBy(m => m.Agency!.Code).Select(m => new PartnershipMemberDto(m.AgencyId, m.Agency!.Code, m.Agency.Name, m.Role)).ToList(),
            p.Agreements.OrderBy(a => a.SignedOn).Select(a => new AgreementDto(a.Id, a.Title, a.Parties, a.SignedOn, a.Scope)).ToList()));

    public static async Task<Results<Created<StateDto>, ValidationProblem>> CreateState(CreateStateRequest request, JsmsDbContext db)
    {
        var (state, errors) = await CreateStateAsync(db, request);
        return state is null ? TypedResults.ValidationProblem(errors) : TypedResults.Created($"/api/partners/states/{state.Id}", state);
    }

    public static async Task<Results<Created<AgencyDto>, ValidationProblem>> CreateAgency(CreateAgencyRequest request, JsmsDbContext db)
    {
        var (agency, errors) = await CreateAgencyAsync(db, request);
        return agency is null ? TypedResults.ValidationProblem(errors) : TypedResults.Created($"/api/partners/agencies/{agency.Id}", agency);
    }

    public static async Task<Results<Created<PartnershipDto>, ValidationProblem>> CreatePartnership(CreatePartnershipRequest request, JsmsDbContext db)
    {
        var (partnership, errors) = await CreatePartnershipAsync(db, request);
        return partnership is null ? TypedResults.ValidationProblem(errors) : TypedResults.Created($"/api/partners/partnerships/{partnership.Id}", partnership);
    }

    public static async Task<Results<Created<AgreementDto>, NotFound, ValidationProblem>> CreateAgreement(Guid id, CreateAgreementRequest request, JsmsDbContext db)
    {
        if (!await db.Set<Partnership>().AnyAsync(p => p.Id == id))
        {
            return TypedResults.NotFound();
        }
        var (agreement, errors) = await CreateAgreementAsync(db, id, request);
        return agreement is null ? TypedResults.ValidationProblem(errors) : TypedResults.Created($"/api/partners/partnerships/{id}", agreement);
    }

    // Validation and creation, shared by the endpoints above and the Partners page: each returns the
    // new record, or null and every problem keyed by field.

    internal static async Task<(StateDto? State, Dictionary<string, string[]> Errors)> CreateStateAsync(JsmsDbContext db, CreateStateRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var iso = request.IsoCode?.Trim().ToUpperInvariant() ?? "";
        if (iso.Length != 2 || !iso.All(char.IsAsciiLetterUpper))
        {
            errors["isoCode"] = ["An ISO 3166-1 alpha-2 code of two letters is required."];
        }
        else if (await db.Set<State>().AnyAsync(s => s.IsoCode == iso))
        {
            errors["isoCode"] = [$"A state with code {iso} exists already."];
        }
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors["name"] = ["A name is required."];
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var state = new State { Id = Guid.NewGuid(), IsoCode = iso, Name = request.Name!.Trim() };
        db.Add(state);
        await db.SaveChangesAsync();
        return (new StateDto(state.Id, state.IsoCode, state.Name), errors);
    }

    internal static async Task<(AgencyDto? Agency, Dictionary<string, string[]> Errors)> CreateAgencyAsync(JsmsDbContext db, CreateAgencyRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var code = request.Code?.Trim().ToUpperInvariant() ?? "";
        if (code.Length is < 2 or > 32)
        {
            errors["code"] = ["A code of 2 to 32 characters is required, e.g. PK-NACTA."];
        }
        else if (await db.Set<Agency>().AnyAsync(a => a.Code == code))
        {
            errors["code"] = [$"An agency with code {code} exists already."];
        }
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors["name"] = ["A name is required."];
        }
        var iso = request.State?.Trim().ToUpperInvariant();
        var state = await db.Set<State>().FirstOrDefaultAsync(s => s.IsoCode == iso);
        if (state is null)
        {
            errors["state"] = [$"No state has the code '{request.State}'."];
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var agency = new Agency { Id = Guid.NewGuid(), Code = code, Name = request.Name!.Trim(), Kind = request.Kind ?? AgencyKind.Other, StateId = state!.Id };
        db.Add(agency);
        await db.SaveChangesAsync();
        return (new AgencyDto(agency.Id, agency.Code, agency.Name, agency.Kind, state.IsoCode, state.Name), errors);
    }

    internal static async Task<(PartnershipDto? Partnership, Dictionary<string, string[]> Errors)> CreatePartnershipAsync(JsmsDbContext db, CreatePartnershipRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors["name"] = ["A name is required."];
        }
        var members = request.Members ?? [];
        var codes = members.Select(m => m.Agency?.Trim().ToUpperInvariant() ?? "").ToList();
        var agencies = await db.Set<Agency>().Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code);
        var unknown = codes.Where(c => c.Length > 0 && !agencies.ContainsKey(c)).ToList();
        if (codes.Any(c => c.Length == 0))
        {
            errors["members"] = ["Each member needs an agency code."];
        }
        else if (unknown.Count > 0)
        {
            errors["members"] = [$"Unknown agency code(s): {string.Join(", ", unknown)}."];
        }
        else if (codes.Distinct().Count() != codes.Count)
        {
            errors["members"] = ["An agency may appear only once."];
        }
        var kind = request.Kind ?? PartnershipKind.Multilateral;
        if (kind == PartnershipKind.Bilateral && members.Count(m => (m.Role ?? PartnershipRole.Member) == PartnershipRole.Member) != 2)
        {
            errors["kind"] = ["A bilateral partnership has exactly two members."];
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var partnership = new Partnership
        {
            Id = Guid.NewGuid(),
            Name = request.Name!.Trim(),
            Kind = kind,
            Description = request.Description,
            EstablishedOn = request.EstablishedOn,
            Members = members.Select(m => new PartnershipMember { AgencyId = agencies[m.Agency!.Trim().ToUpperInvariant()].Id, Role = m.Role ?? PartnershipRole.Member }).ToList(),
        };
        db.Add(partnership);
        await db.SaveChangesAsync();
        return (await PartnershipsQuery(db, partnership.Id).FirstAsync(), errors);
    }

    /// <summary>Adds an agreement to an existing partnership (the caller checks that it exists).</summary>
    internal static async Task<(AgreementDto? Agreement, Dictionary<string, string[]> Errors)> CreateAgreementAsync(JsmsDbContext db, Guid partnershipId, CreateAgreementRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Title))
        {
            errors["title"] = ["A title is required."];
        }
        if (string.IsNullOrWhiteSpace(request.Parties))
        {
            errors["parties"] = ["The parties are required."];
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var agreement = new Agreement { Id = Guid.NewGuid(), PartnershipId = partnershipId, Title = request.Title!.Trim(), Parties = request.Parties!.Trim(), SignedOn = request.SignedOn, Scope = request.Scope?.Trim() ?? "" };
        db.Add(agreement);
        await db.SaveChangesAsync();
        return (new AgreementDto(agreement.Id, agreement.Title, agreement.Parties, agreement.SignedOn, agreement.Scope), errors);
    }
}
