using Jsms.Features.Accounts;
using Jsms.Features.Partners;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Demo;

internal static class DemoModule
{
    public static IServiceCollection AddDemo(this IServiceCollection services) => services.AddScoped<DemoScenario>();
}
