using System.CommandLine;
using Jsms.Platform.Cli;
using Jsms.Platform.Database;

namespace Jsms.Features.Screening;

/// <summary>Sanctions lists' commands: <c>screening import un|ofac</c>, <c>screening versions</c>, <c>screening diff</c>.</summary>
internal static class ScreeningCommands
{
    public static RootCommand AddScreeningCommands(this RootCommand root)
    {
        root.Subcommands.Add(Screening());
        return root;
    }

    private static Command Screening()
    {
        var screening = new Command("screening", "Sanctions lists: import a new version, compare versions.");
        var import = new Command("import", "Import a new version of a sanctions list.");
        var unFile = new Argument<FileInfo>("FILE") { Description = "The UN consolidated list (XML)." };
        var un = new Command("un", "Import the UN Security Council consolidated list.") { unFile };
        un.TreatUnmatchedTokensAsErrors = false;
        un.SetAction((result, cancellationToken) => ImportList(result, (importer, progress) =>
        {
            var file = result.GetValue(unFile)!;
            return importer.ImportUnAsync(file.OpenRead(), file.Name, $"cli:{Environment.UserName}", progress, cancellationToken);
        }, cancellationToken));
        var sdn = new Argument<FileInfo>("SDN") { Description = "sdn.csv" };
        var alt = new Argument<FileInfo>("ALT") { Description = "alt.csv (aliases)" };
        var add = new Argument<FileInfo>("ADD") { Description = "add.csv (addresses)" };
        var ofac = new Command("ofac", "Import the OFAC SDN list (legacy CSV files).") { sdn, alt, add };
        ofac.TreatUnmatchedTokensAsErrors = false;
        ofac.SetAction((result, cancellationToken) => ImportList(result, (importer, progress) =>
        {
            FileInfo s = result.GetValue(sdn)!, a = result.GetValue(alt)!, d = result.GetValue(add)!;
            return importer.ImportOfacAsync(s.OpenRead(), a.OpenRead(), d.OpenRead(), $"{s.Name}, {a.Name}, {d.Name}", $"cli:{Environment.UserName}", progress, cancellationToken);
        }, cancellationToken));
        import.Subcommands.Add(un);
        import.Subcommands.Add(ofac);

        var versions = new Command("versions", "List the imported versions.") { TreatUnmatchedTokensAsErrors = false };
        versions.SetAction(async (result, cancellationToken) =>
        {
            await using var host = CommandHost.Create(result);
            Console.WriteLine($"{"SOURCE",-6} {"NO",3} {"IMPORTED (UTC)",-17} {"ENTRIES",7} {"+",5} {"-",5} {"~",5}  ID");
            foreach (var v in await ScreeningModule.VersionsAsync(host.Services.GetRequiredService<JsmsDbContext>()))
            {
                Console.WriteLine($"{v.Source,-6} {v.Number,3} {v.ImportedAt,-17:yyyy-MM-dd HH:mm} {v.EntryCount,7} {v.Added,5} {v.Removed,5} {v.Changed,5}  {v.Id}{(v.Current ? "  (current)" : "")}");
            }
            return 0;
        });

        var versionId = new Argument<Guid>("VERSION") { Description = "The version to compare (id from 'screening versions')." };
        var against = new Option<Guid?>("--against") { Description = "The older version (default: the one before)." };
        var diff = new Command("diff", "Show the entries added, removed and changed in a version.") { versionId, against };
        diff.TreatUnmatchedTokensAsErrors = false;
        diff.SetAction(async (result, cancellationToken) =>
        {
            await using var host = CommandHost.Create(result);
            var outcome = await ScreeningModule.DiffAsync(result.GetValue(versionId), result.GetValue(against),
                host.Services.GetRequiredService<JsmsDbContext>(), host.Services.GetRequiredService<ListImporter>());
            if (outcome is null)
            {
                await Console.Error.WriteLineAsync("No such version, or the two versions are of different lists.");
                return 1;
            }
            Console.WriteLine($"{outcome.Added} added, {outcome.Removed} removed, {outcome.Changed} changed");
            foreach (var change in outcome.Changes)
            {
                Console.WriteLine($"  {change.Change,-8} {change.SourceId,-10} {change.Name}");
            }
            return 0;
        });
        screening.Subcommands.Add(import);
        screening.Subcommands.Add(versions);
        screening.Subcommands.Add(diff);
        return screening;
    }

    private static async Task<int> ImportList(ParseResult result,
        Func<ListImporter, IProgress<string>, Task<ImportOutcome>> import, CancellationToken cancellationToken)
    {
        await using var host = CommandHost.Create(result);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var progress = new Progress<string>(message => Console.Error.WriteLine($"[{started.Elapsed.TotalSeconds,5:0.0}s] {message}"));
        try
        {
            var outcome = await import(host.Services.GetRequiredService<ListImporter>(), progress);
            Console.WriteLine(outcome.Unchanged
                ? $"{outcome.Source}: identical to version {outcome.Number}; nothing imported."
                : $"{outcome.Source} version {outcome.Number}: {outcome.EntryCount:N0} entries ({outcome.Added} added, {outcome.Removed} removed, {outcome.Changed} changed) in {started.Elapsed.TotalSeconds:0.0}s.");
            return 0;
        }
        catch (Lists.ListFormatException e)
        {
            await Console.Error.WriteLineAsync($"Refused: {e.Message} The current version is unchanged.");
            return 2;
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"Cannot read the file: {e.Message}");
            return 2;
        }
    }
}
