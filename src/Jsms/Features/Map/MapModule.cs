using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Map;

/// <summary>
/// The base map: tiles from an MBTiles file at <c>/map/tiles/{z}/{x}/{y}</c> and <c>/map/tiles.json</c>, or the agency's
/// tile server; the demo base map built at first start (docs/map.md, docs/decisions/0025-offline-base-map.md).
/// </summary>
internal static class MapModule
{
    public static IServiceCollection AddMap(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MapOptions>(configuration.GetSection(MapOptions.Section));
        services.AddSingleton<BaseMap>();
        services.AddHostedService<DemoBaseMapBuilder>();
        services.AddSingleton<MapContentSecurity>();
        services.Configure<MvcOptions>(o => o.Filters.AddService<MapContentSecurity>());
        return services;
    }

    public static IEndpointRouteBuilder MapMap(this IEndpointRouteBuilder app)
    {
        // Signed-in users only, like the pages (a browser is sent to the login page, an API client gets 401).
        var map = app.MapGroup("/map").RequireAuthorization().WithTags("Map");
        map.MapGet("/tiles/{z:int}/{x:int}/{y:int}", MapEndpoints.GetTile);
        map.MapGet("/tiles.json", MapEndpoints.GetTileJson);
        return app;
    }
}
