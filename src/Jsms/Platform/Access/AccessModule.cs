using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jsms.Platform.Access;

internal static class AccessModule
{
    public static IServiceCollection AddAccess(this IServiceCollection services)
        => services.AddScoped<ReleaseMarkings>()
            .AddSingleton<IInterceptor>(DerivedInputMarkings.Interceptor);
}
