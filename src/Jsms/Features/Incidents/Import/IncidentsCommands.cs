using System.CommandLine;
using Jsms.Platform.Access;
using Jsms.Platform.Cli;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Incidents;

/// <summary>The incidents' commands: <c>incidents import gtd|acled|ucdp FILE --as USER</c>.</summary>
internal static class IncidentsCommands
{
    public static RootCommand AddIncidentsCommands(this RootCommand root)
    {
        root.Subcommands.Add(Incidents());
        return root;
    }

    /// <summary>
    /// <c>incidents import FORMAT FILE --as USER [--tlp LEVEL] [--release-to CODE...]</c>: the same import as the API, for the
    /// named user (a writer, whose agency owns the new incidents), with progress on stderr. Exit 0 when stored, 2 when the
    /// file was refused (every bad row listed with its line), 1 when the user or the options are wrong.
    /// </summary>
    private static Command Incidents()
    {
        var incidents = new Command("incidents", "The incidents register: import data sets.");
        var format = new Argument<string>("FORMAT") { Description = "gtd, acled or ucdp." };
        var file = new Argument<FileInfo>("FILE") { Description = "The data set's CSV file (header row with its column names)." };
        var user = new Option<string>("--as") { Description = "The user the import is made for (a writer; the new incidents are its agency's).", Required = true };
        var tlp = new Option<string?>("--tlp") { Description = "The TLP of the new incidents (default AMBER)." };
        var releaseTo = new Option<string[]>("--release-to") { Description = "Agency codes the new incidents are released to.", AllowMultipleArgumentsPerToken = true };
        var import = new Command("import", "Import a GTD, ACLED or UCDP GED CSV file.") { format, file, user, tlp, releaseTo };
        import.TreatUnmatchedTokensAsErrors = false;
        import.SetAction(async (result, cancellationToken) =>
        {
            if (IncidentFileFormat.For(result.GetValue(format)) is not { } fileFormat)
            {
                await Console.Error.WriteLineAsync("FORMAT: one of gtd, acled, ucdp.");
                return 1;
            }
            await using var host = await CommandHost.PreparedAsync(result, cancellationToken);
            if (host is null)
            {
                return 1;
            }
            var db = host.Services.GetRequiredService<JsmsDbContext>();
            var name = result.GetValue(user)!.Trim().ToUpperInvariant();
            var userId = await db.Users.Where(u => u.NormalizedUserName == name).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
            var caller = userId is { } id ? await Caller.ForUserAsync(id, db, cancellationToken) : null;
            if (caller is null || !caller.CanWrite)
            {
                await Console.Error.WriteLineAsync($"--as: '{result.GetValue(user)}' is not an enabled user with a writing role.");
                return 1;
            }
            var path = result.GetValue(file)!;
            var started = System.Diagnostics.Stopwatch.StartNew();
            var progress = new SynchronousProgress(message => Console.Error.WriteLine($"[{started.Elapsed.TotalSeconds,5:0.0}s] {message}"));
            try
            {
                await using var stream = path.OpenRead();
                var (outcome, markingErrors) = await host.Services.GetRequiredService<IncidentImporter>().ImportAsync(caller, fileFormat, stream,
                    new MarkingInput(result.GetValue(tlp), result.GetValue(releaseTo), null), progress, cancellationToken);
                if (markingErrors is not null)
                {
                    foreach (var (field, problems) in markingErrors)
                    {
                        await Console.Error.WriteLineAsync($"{field}: {string.Join(" ", problems)}");
                    }
                    return 1;
                }
                if (!outcome!.Stored)
                {
                    await Console.Error.WriteLineAsync($"Refused: {outcome.Errors.Count} problem(s); nothing of the file was stored.");
                    foreach (var error in outcome.Errors)
                    {
                        await Console.Error.WriteLineAsync($"  line {error.Line}, {error.Field}: {error.Problem}");
                    }
                    return 2;
                }
                Console.WriteLine($"{fileFormat.Name}: {outcome.Rows:N0} rows: {outcome.Added.Count:N0} added, {outcome.Updated.Count:N0} updated, "
                    + $"{outcome.Unchanged.Count:N0} unchanged in {started.Elapsed.TotalSeconds:0.0}s.");
                foreach (var updated in outcome.Updated.Take(50))
                {
                    Console.WriteLine($"  updated {updated.EventId} (line {updated.Line}, incident {updated.IncidentId})");
                }
                return 0;
            }
            catch (IOException e)
            {
                await Console.Error.WriteLineAsync($"Cannot read the file: {e.Message}");
                return 2;
            }
        });
        incidents.Subcommands.Add(import);
        return incidents;
    }

    /// <summary>Progress written at once, in order (Progress&lt;T&gt; would post it to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
