namespace Jsms.Features.Demo;

internal static class DemoModule
{
    public static IServiceCollection AddDemo(this IServiceCollection services) => services.AddScoped<DemoScenario>();
}
