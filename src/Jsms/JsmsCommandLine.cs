using System.CommandLine;
using Jsms.Features.Accounts;
using Jsms.Features.Audit;
using Jsms.Features.Incidents;
using Jsms.Features.Map;
using Jsms.Features.Partners;
using Jsms.Features.Screening;
using Jsms.Features.Tracking;
using Jsms.Platform.Cli;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms;

/// <summary>
/// The command-line face: <c>serve</c> (default), <c>migrate</c>, and each feature's commands (<c>Features/X/XCommands.cs</c>:
/// agencies, users, audit, screening, tracking). Configuration flags (<c>--Jsms:Database=postgres</c>, <c>--urls ...</c>) pass through to the host.
/// </summary>
internal static class JsmsCommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("JSMS, the Joint Security Management System.");
        root.Subcommands.Add(Serve());
        root.Subcommands.Add(Migrate());
        // Each feature adds its own commands, as it maps its own endpoints.
        root.AddPartnersCommands();
        root.AddAccountsCommands();
        root.AddAuditCommands();
        root.AddScreeningCommands();
        root.AddTrackingCommands();
        root.AddMapCommands();
        root.AddIncidentsCommands();
        var firstIsOption = args.Length > 0 && args[0].StartsWith('-') && args[0] is not ("--help" or "-h" or "-?" or "--version");
        if (args.Length == 0 || firstIsOption)
        {
            args = ["serve", .. args];
        }
        return await root.Parse(args).InvokeAsync();
    }

    private static Command Serve()
    {
        var command = new Command("serve", "Run the web application (the default).") { TreatUnmatchedTokensAsErrors = false };
        command.SetAction(async (result, cancellationToken) =>
        {
            var app = JsmsApp.Build([.. result.UnmatchedTokens]);
            var startup = new StartupProgress(app);
            startup.Preparing();
            await JsmsApp.PrepareAsync(app.Services, cancellationToken);
            startup.AnnounceWhenReady();
            await app.RunAsync();
            return 0;
        });
        return command;
    }

    private static Command Migrate()
    {
        var command = new Command("migrate", "Apply the database migrations of the configured provider.") { TreatUnmatchedTokensAsErrors = false };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var host = CommandHost.Create(result);
            var db = host.Services.GetRequiredService<JsmsDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            Console.WriteLine(pending.Count == 0 ? "The database is up to date." : $"Applying {pending.Count} migration(s):");
            foreach (var migration in pending)
            {
                Console.WriteLine($"  {migration}");
            }
            await db.Database.MigrateAsync(cancellationToken);
            await JsmsApp.EnsureRolesAsync(host.Services);
            Console.WriteLine("Done.");
            return 0;
        });
        return command;
    }
}
