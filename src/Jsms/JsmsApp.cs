using System.Text.Json.Serialization;
using Jsms.Features.Accounts;
using Jsms.Features.Alerts;
using Jsms.Features.Assistance;
using Jsms.Features.Audit;
using Jsms.Features.Consultations;
using Jsms.Features.Demo;
using Jsms.Features.Equipment;
using Jsms.Features.Exercises;
using Jsms.Features.Incidents;
using Jsms.Features.Intelligence;
using Jsms.Features.Lessons;
using Jsms.Features.Map;
using Jsms.Features.Operations;
using Jsms.Features.Partners;
using Jsms.Features.Protection;
using Jsms.Features.Screening;
using Jsms.Features.Screening.Lists;
using Jsms.Features.Screening.Watchlists;
using Jsms.Features.Tracking;
using Jsms.Features.Training;
using Jsms.Platform;
using Jsms.Platform.Access;
using Jsms.Platform.Audit;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace Jsms;

/// <summary>Composes the application: every feature's <c>AddX</c> and <c>MapX</c> is called here and nowhere else.</summary>
internal static class JsmsApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Fixed, so Razor Pages are found whichever process hosts the app (tests, tools).
            ApplicationName = typeof(JsmsApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseStaticWebAssets();
        configure?.Invoke(builder);
        AddServices(builder);
        var app = builder.Build();
        var options = app.Services.GetRequiredService<IOptions<JsmsOptions>>().Value;
        KeyProtection.LogKeyProtection(app, options);
        Configure(app, options);
        return app;
    }

    private static void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(JsmsOptions.Section).Get<JsmsOptions>() ?? new JsmsOptions();
        services.Configure<JsmsOptions>(builder.Configuration.GetSection(JsmsOptions.Section));
        services.TryAddSingletonTimeProvider();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);

        services.AddJsmsDataProtection(options);
        services.AddJsmsHttps(options);
        services.AddHttpContextAccessor();
        services.AddSingleton<AuditActorFallback>();
        services.AddScoped<IAuditActor, HttpAuditActor>();
        services.AddJsmsDatabase(builder.Configuration);

        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new FiniteNumberConverter());
        });
        services.AddOpenApi();
        services.AddJsmsHealth();
        services.AddJsmsRateLimits();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "RequestVerificationToken";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Accounts/Login");
        }).AddMvcOptions(o => o.ModelBinderProviders.Insert(0, new FiniteNumberModelBinder())).AddViewLocalization();

        services.AddAccess();
        services.AddAccounts();
        services.AddAudit();
        services.AddPartners();
        services.AddAlerts();
        services.AddConsultations();
        services.AddScreening();
        services.AddWatchlists();
        services.AddIntelligence();
        services.AddProtection();
        services.AddTracking(builder.Configuration);
        services.AddOperations();
        services.AddExercises();
        services.AddLessons();
        services.AddIncidents();
        services.AddJointOperations();
        services.AddTraining();
        services.AddEquipment();
        services.AddAssistance();
        services.AddMap(builder.Configuration);
        services.AddIncidentsExchange();
        services.AddDemo();
    }

    private static void Configure(WebApplication app, JsmsOptions options)
    {
        app.UseJsmsHttps(options);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseTaxiiStatusBodies();
        app.UseStatusPagesForBrowsers();
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";
            await next();
        });
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("en"),
            SupportedCultures = [new("en")],
            SupportedUICultures = [new("en")],
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapOpenApi().AllowAnonymous();
        app.MapJsmsHealth();
        app.MapRazorPages();
        app.MapAccounts();
        app.MapAudit();
        app.MapPartners();
        app.MapAlerts();
        app.MapConsultations();
        app.MapScreening();
        app.MapWatchlists();
        app.MapNationalLists();
        app.MapIntelligence();
        app.MapProtection();
        app.MapTracking();
        app.MapOperations();
        app.MapExercises();
        app.MapLessons();
        app.MapIncidents();
        app.MapJointOperations();
        app.MapTraining();
        app.MapEquipment();
        app.MapAssistance();
        app.MapMap();
        app.MapIncidentsExchange();
    }

    /// <summary>The application's services for one command-line command (no web server), acting as <paramref name="actor"/> in the audit log.</summary>
    internal static WebApplication BuildForCommand(string[] args, string actor)
    {
        var app = Build(args, b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        app.Services.GetRequiredService<AuditActorFallback>().Name = actor;
        return app;
    }

    /// <summary>Migrates an empty database (a non-empty one with pending migrations is refused) and creates the roles.</summary>
    internal static async Task PrepareSchemaAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await DatabaseSetup.PrepareDatabaseAsync(services, cancellationToken);
        await EnsureRolesAsync(services);
    }

    /// <summary>Creates the roles that do not exist yet (after a migration).</summary>
    internal static Task EnsureRolesAsync(IServiceProvider services) => services.GetRequiredService<UserAdministration>().EnsureRolesAsync();

    /// <summary>Migrates an empty database, creates the roles and, when asked, seeds the demo scenario.</summary>
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await DatabaseSetup.PrepareDatabaseAsync(services, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UserAdministration>().EnsureRolesAsync();
        if (scope.ServiceProvider.GetRequiredService<IOptions<JsmsOptions>>().Value.Demo)
        {
            await scope.ServiceProvider.GetRequiredService<DemoScenario>().SeedIfEmptyAsync(cancellationToken);
        }
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
