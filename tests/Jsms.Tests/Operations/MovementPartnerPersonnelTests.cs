using System.Net;
using Jsms.Features.Operations;
using Jsms.Features.Protection;
using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Operations;

/// <summary>
/// A partner's deployed people join a protection movement only under the host's consent: in force, its area covering the
/// route, its period the movement's window, its personnel the person. Otherwise the movement is refused naming what is not
/// covered; a consent revoked later shows on the movement and refuses new movements.
/// </summary>
public sealed class MovementPartnerPersonnelTests(OperationsTestApp app) : IClassFixture<OperationsTestApp>
{
    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    /// <summary>Inside <see cref="ConsentArrange.Karachi"/> (longitude first).</summary>
    private static readonly double[][] InsideRoute = [[66.95, 24.85], [67.05, 24.88]];

    /// <summary>Leaves <see cref="ConsentArrange.Karachi"/> eastwards.</summary>
    private static readonly double[][] LeavingRoute = [[67.1, 24.85], [67.45, 24.88]];

    private static object Body(string name, Guid[] partners, double[][] route, DateTime depart, DateTime arrive, string status = "Planned") => new
    {
        name,
        status,
        route = new { type = "LineString", coordinates = route },
        departEarliest = depart,
        arriveLatest = arrive,
        partnerPersonnel = partners,
        marking = new { recipients = new[] { "cn.liaison" } },
    };

    private async Task<HttpResponseMessage> PlanAsync(object body)
    {
        using var client = await app.LoginAs("pk.analyst");
        return await client.Post("/api/movements", body);
    }

    [Fact]
    public async Task A_partner_officer_covered_by_the_consent_joins_a_movement_within_its_area_and_period()
    {
        var consent = await ConsentArrange.GrantAsync(app, Now.AddHours(-1), Now.AddDays(7));

        var movement = await (await PlanAsync(Body("Escort with liaison", consent.Admitted, InsideRoute, Now.AddHours(2), Now.AddHours(5))))
            .Read<MovementDto>(HttpStatusCode.Created);

        var partner = Assert.Single(movement.PartnerPersonnel!);
        Assert.Equal(("Wang Jun", "CN-MPS", "PK", consent.ConsentId), (partner.Name, partner.Agency, partner.HostState, partner.ConsentId));
        Assert.Empty(movement.PartnerPersonnelUncovered!);
        using var liaison = await app.LoginAs("cn.liaison");
        Assert.Equal("Wang Jun", Assert.Single((await liaison.GetAs<MovementDto>($"/api/movements/{movement.Id}")).PartnerPersonnel!).Name);
    }

    [Fact]
    public async Task A_movement_whose_route_leaves_the_consented_area_is_refused_naming_the_area()
    {
        var consent = await ConsentArrange.GrantAsync(app, Now.AddHours(-1), Now.AddDays(7));

        var errors = await (await PlanAsync(Body("Escort east", consent.Admitted, LeavingRoute, Now.AddHours(2), Now.AddHours(5)))).ValidationErrors();

        Assert.Equal(["partnerPersonnel.area"], errors.Keys);
        Assert.Contains("Wang Jun", errors["partnerPersonnel.area"][0]);
        Assert.Contains("outside", errors["partnerPersonnel.area"][0]);
    }

    [Fact]
    public async Task A_movement_after_the_consented_period_is_refused_naming_the_period()
    {
        var consent = await ConsentArrange.GrantAsync(app, Now.AddHours(-1), Now.AddDays(2));

        var errors = await (await PlanAsync(Body("Late escort", consent.Admitted, InsideRoute, Now.AddDays(3), Now.AddDays(3).AddHours(4)))).ValidationErrors();

        Assert.Equal(["partnerPersonnel.period"], errors.Keys);
    }

    [Fact]
    public async Task A_person_the_consent_left_out_is_refused_by_name()
    {
        var consent = await ConsentArrange.GrantAsync(app, Now.AddHours(-1), Now.AddDays(7));

        var errors = await (await PlanAsync(Body("Escort with interpreter", [.. consent.Admitted, .. consent.NotAdmitted], InsideRoute,
            Now.AddHours(2), Now.AddHours(5)))).ValidationErrors();

        Assert.Equal(["partnerPersonnel.personnel"], errors.Keys);
        Assert.Contains("Chen Hao", errors["partnerPersonnel.personnel"][0]);
        Assert.DoesNotContain("Wang Jun", errors["partnerPersonnel.personnel"][0]);
    }

    [Fact]
    public async Task A_person_on_a_consent_the_caller_may_not_read_is_not_found()
    {
        var consent = await ConsentArrange.GrantAsync(app, Now.AddHours(-1), Now.AddDays(7));
        using var outsider = await app.LoginAs("us.analyst");

        var response = await outsider.Post("/api/movements", Body("Foreign escort", consent.Admitted, InsideRoute, Now.AddHours(2), Now.AddHours(5)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(["partnerPersonnel[0]"], (await response.ValidationProblemAsync()).Errors.Keys);
    }

    [Fact]
    public async Task A_consent_revoked_later_shows_on_the_movement_and_refuses_new_ones()
    {
        var consent = await ConsentArrange.GrantAsync(app, Now.AddHours(-1), Now.AddDays(7));
        var movement = await (await PlanAsync(Body("Escort before revocation", consent.Admitted, InsideRoute, Now.AddHours(2), Now.AddHours(5))))
            .Read<MovementDto>(HttpStatusCode.Created);

        await ConsentArrange.SetStatusAsync(app, consent.ConsentId, ConsentStatus.Revoked, Now);

        using var analyst = await app.LoginAs("pk.analyst");
        var shown = await analyst.GetAs<MovementDto>($"/api/movements/{movement.Id}");
        Assert.Contains("Revoked", Assert.Single(shown.PartnerPersonnelUncovered!["partnerPersonnel.consent"]));
        var errors = await (await PlanAsync(Body("Escort after revocation", consent.Admitted, InsideRoute, Now.AddHours(2), Now.AddHours(5)))).ValidationErrors();
        Assert.Equal(["partnerPersonnel.consent"], errors.Keys);
        // Aborting it places nobody, so the host can still close it.
        var aborted = await analyst.Put($"/api/movements/{movement.Id}",
            Body("Escort before revocation", consent.Admitted, InsideRoute, Now.AddHours(2), Now.AddHours(5), status: "Aborted"));
        Assert.Equal(MovementStatus.Aborted, (await aborted.Read<MovementDto>()).Status);
    }
}
