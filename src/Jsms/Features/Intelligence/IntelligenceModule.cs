using Jsms.Features.Accounts;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Jsms.Features.Intelligence;

/// <summary>
/// STIX 2.1 intelligence: collections and their object versions (<c>/api/intelligence</c>), the bundle import
/// with its report, and the TAXII 2.1 server (<see cref="TaxiiEndpoints"/>). See docs/intelligence.md.
/// </summary>
internal static class IntelligenceModule
{
    public static IServiceCollection AddIntelligence(this IServiceCollection services)
    {
        services.AddOptions<IntelligenceOptions>().BindConfiguration(IntelligenceOptions.Section);
        services.AddSingleton<ExchangeGates>();
        services.AddScoped<StixImporter>();
        services.AddScoped<StixCollections>();
        services.AddScoped<TaxiiPuller>();
        services.AddScoped<RfiService>();
        services.AddScoped<StixAuthoring>();
        services.AddScoped<TaxiiPusher>();
        services.AddSingleton<RfiMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<RfiMonitor>());
        services.AddHttpClient(TaxiiPuller.HttpClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<IntelligenceOptions>>().Value.PullTimeoutSeconds));
        services.AddHostedService<TaxiiPullService>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, TaxiiBasicAuthenticationHandler>(TaxiiBasicAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(TaxiiBasicAuthenticationHandler.PolicySchemeName, "TAXII: Basic or bearer", o =>
            {
                o.ForwardDefaultSelector = ctx => ctx.Request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)
                    ? TaxiiBasicAuthenticationHandler.SchemeName
                    : TokenAuthenticationHandler.SchemeName;
                // Challenges and refusals answer with a TAXII error resource, whichever scheme was tried.
                o.ForwardChallenge = TaxiiBasicAuthenticationHandler.SchemeName;
                o.ForwardForbid = TaxiiBasicAuthenticationHandler.SchemeName;
            });
        return services;
    }

    public static IEndpointRouteBuilder MapIntelligence(this IEndpointRouteBuilder app)
    {
        TaxiiEndpoints.Map(app);
        var group = app.MapApiGroup("/intelligence", "Intelligence");
        group.MapGet("/collections", StixCollectionsEndpoints.ListCollections);
        group.MapGet("/objects", StixObjectsEndpoints.SearchObjects);
        group.MapGet("/objects/{stixId}", StixObjectsEndpoints.GetObject);
        group.MapGet("/objects/{stixId}/graph", StixGraphQuery.Get);
        TaxiiSourcesEndpoints.Map(group);
        var writes = group.MapWritesGroup();
        writes.MapPost("/collections", StixCollectionsEndpoints.CreateCollection);
        writes.MapPost("/collections/{id:guid}/import", StixCollectionsEndpoints.Import).Accepts<object>("application/json");
        RfisEndpoints.Map(group, writes);
        StixAuthoringEndpoints.Map(writes);
        return app;
    }
}
