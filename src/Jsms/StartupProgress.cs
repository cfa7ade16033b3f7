using Jsms.Features.Demo;
using Jsms.Platform;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Jsms;

/// <summary>
/// What `jsms serve` tells the person who started it: where the data is, that the database is being prepared (the
/// first start with the demo takes a while), and, once the server listens, the address to open and, with the demo,
/// which account to sign in with. Written to the console rather than the log, which a newcomer may have turned down.
/// </summary>
internal sealed class StartupProgress(WebApplication app)
{
    private readonly JsmsOptions options = app.Services.GetRequiredService<IOptions<JsmsOptions>>().Value;

    public void Preparing()
    {
        var where = options.UsesPostgres ? "PostgreSQL (ConnectionStrings:Jsms)" : options.SqlitePath;
        Console.WriteLine($"JSMS: preparing the database in {where}{(options.Demo ? ", with the demo scenario on first start" : "")}...");
    }

    public void AnnounceWhenReady()
        => app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            Console.WriteLine($"JSMS is ready: open {string.Join(" or ", addresses)}");
            Console.WriteLine(options.Demo
                ? $"Demo sign-in: admin (or pk.analyst, cn.liaison, ...) with the password {DemoScenario.DemoPassword}. Demo only: never on a real deployment."
                : "Create the first administrator with `jsms users add` if there is none (see README.md).");
        });
}
