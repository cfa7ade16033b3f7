using System.CommandLine;
using Jsms.Platform.Audit;
using Jsms.Platform.Cli;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Audit;

/// <summary>The audit log's commands: <c>audit verify</c>, <c>audit export</c>.</summary>
internal static class AuditCommands
{
    public static RootCommand AddAuditCommands(this RootCommand root)
    {
        root.Subcommands.Add(Audit());
        return root;
    }

    private static Command Audit()
    {
        var audit = new Command("audit", "Work with the audit log.");
        var verify = new Command("verify", "Check the hash chain of the audit log and name the first broken entry.") { TreatUnmatchedTokensAsErrors = false };
        verify.SetAction(async (result, cancellationToken) =>
        {
            await using var host = await CommandHost.PreparedAsync(result, cancellationToken);
            if (host is null)
            {
                return 1;
            }
            var db = host.Services.GetRequiredService<JsmsDbContext>();
            var total = await db.Set<AuditEntry>().LongCountAsync(cancellationToken);
            var progress = new Progress<long>(done => Console.Error.Write($"\rchecked {done:N0} of {total:N0} entries"));
            var outcome = await AuditTrail.VerifyAsync(db, progress, cancellationToken);
            await Console.Error.WriteLineAsync();
            if (outcome.Intact)
            {
                Console.WriteLine($"Audit log intact: {outcome.EntriesChecked:N0} entries verified.");
                return 0;
            }
            Console.WriteLine($"Audit log BROKEN at entry {outcome.FirstBrokenSequence}: {outcome.Problem}.");
            return 2;
        });
        audit.Subcommands.Add(verify);

        var output = new Option<string?>("--output", "-o") { Description = "File to write; standard output when omitted." };
        var export = new Command("export", "Write the whole audit log as JSON lines for offline verification (docs/audit-log.md).") { output };
        export.TreatUnmatchedTokensAsErrors = false;
        export.SetAction(async (result, cancellationToken) =>
        {
            await using var host = await CommandHost.PreparedAsync(result, cancellationToken);
            if (host is null)
            {
                return 1;
            }
            var db = host.Services.GetRequiredService<JsmsDbContext>();
            var path = result.GetValue(output);
            db.Audit("export", "AuditEntry", detail: "audit log export (JSON lines)" + (path is null ? "" : $" to {Path.GetFileName(path)}"));
            await db.SaveChangesAsync(cancellationToken);
            var last = await db.Set<AuditEntry>().MaxAsync(e => e.Sequence, cancellationToken);
            await using (var stream = path is null ? Console.OpenStandardOutput() : File.Create(path))
            {
                await AuditModule.WriteExportAsync(db, stream, last, cancellationToken);
            }
            await Console.Error.WriteLineAsync($"Exported {last:N0} entries.");
            return 0;
        });
        audit.Subcommands.Add(export);
        return audit;
    }
}
