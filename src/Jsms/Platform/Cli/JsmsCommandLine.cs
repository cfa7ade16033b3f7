using System.CommandLine;
using Jsms.Features.Accounts;
using Jsms.Features.Audit;
using Jsms.Features.Partners;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jsms.Platform.Cli;

/// <summary>
/// The command-line face: <c>serve</c> (default), <c>migrate</c>, <c>users add|list|disable|enable</c>,
/// <c>audit verify</c>, <c>tracking import</c>. Configuration flags (<c>--Jsms:Database=postgres</c>, <c>--urls ...</c>) pass through to the host.
/// </summary>
public static class JsmsCommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("JSMS, the Joint Security Management System.");
        root.Subcommands.Add(Serve());
        root.Subcommands.Add(Migrate());
        root.Subcommands.Add(Agencies());
        root.Subcommands.Add(Users());
        root.Subcommands.Add(Audit());
        root.Subcommands.Add(Screening());
        root.Subcommands.Add(Tracking());
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
            await JsmsApp.PrepareAsync(app.Services, cancellationToken);
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
            await using var host = CommandHost(result);
            var db = host.Services.GetRequiredService<JsmsDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            Console.WriteLine(pending.Count == 0 ? "The database is up to date." : $"Applying {pending.Count} migration(s):");
            foreach (var migration in pending)
            {
                Console.WriteLine($"  {migration}");
            }
            await db.Database.MigrateAsync(cancellationToken);
            await host.Services.GetRequiredService<UserAdministration>().EnsureRolesAsync();
            Console.WriteLine("Done.");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// <c>agencies add</c>: the first agency of a new node (its first administrator needs one); after that
    /// administrators maintain the directory in the app or through <c>/api/partners</c>.
    /// </summary>
    private static Command Agencies()
    {
        var agencies = new Command("agencies", "Manage the agencies of the partner directory.");
        var code = new Argument<string>("code") { Description = "Agency code, e.g. PK-NACTA." };
        var name = new Option<string>("--name") { Description = "Agency name.", Required = true };
        var state = new Option<string>("--state") { Description = "ISO 3166-1 alpha-2 code of its state, e.g. PK.", Required = true };
        var stateName = new Option<string?>("--state-name") { Description = "Name of the state, when it is not in the directory yet." };
        var kind = new Option<AgencyKind>("--kind") { Description = "Police, Military, Intelligence, Ministry, Secretariat or Other.", DefaultValueFactory = _ => AgencyKind.Other };
        var add = new Command("add", "Add an agency (and its state when new).") { code, name, state, stateName, kind };
        add.TreatUnmatchedTokensAsErrors = false;
        add.SetAction(async (result, cancellationToken) =>
        {
            await using var host = await PreparedCommandHostAsync(result, cancellationToken);
            if (host is null)
            {
                return 1;
            }
            var db = host.Services.GetRequiredService<JsmsDbContext>();
            var agencyCode = result.GetValue(code)!.Trim().ToUpperInvariant();
            var iso = result.GetValue(state)!.Trim().ToUpperInvariant();
            var errors = new List<string>();
            if (agencyCode.Length is < 2 or > 32 || await db.Set<Agency>().AnyAsync(a => a.Code == agencyCode, cancellationToken))
            {
                errors.Add($"code: '{agencyCode}' is taken or not 2 to 32 characters.");
            }
            var existingState = await db.Set<State>().FirstOrDefaultAsync(s => s.IsoCode == iso, cancellationToken);
            if (existingState is null && (iso.Length != 2 || !iso.All(char.IsAsciiLetterUpper) || string.IsNullOrWhiteSpace(result.GetValue(stateName))))
            {
                errors.Add($"state: '{iso}' is not in the directory; give a two-letter code and --state-name to add it.");
            }
            if (errors.Count > 0)
            {
                errors.ForEach(Console.Error.WriteLine);
                return 1;
            }
            var stateRow = existingState ?? new State { Id = Guid.NewGuid(), IsoCode = iso, Name = result.GetValue(stateName)!.Trim() };
            if (existingState is null)
            {
                db.Add(stateRow);
            }
            var agency = new Agency { Id = Guid.NewGuid(), Code = agencyCode, Name = result.GetValue(name)!.Trim(), Kind = result.GetValue(kind), StateId = stateRow.Id };
            db.Add(agency);
            await db.SaveChangesAsync(cancellationToken);
            Console.WriteLine($"Added agency {agency.Code} ({agency.Id}).");
            return 0;
        });
        agencies.Subcommands.Add(add);
        return agencies;
    }

    private static Command Users()
    {
        var users = new Command("users", "Manage users.");

        var username = new Argument<string>("username") { Description = "The user's sign-in name." };
        var agency = new Option<string>("--agency") { Description = "Agency code, e.g. PK-NACTA.", Required = true };
        var roles = new Option<string[]>("--role") { Description = "Role (repeatable): " + string.Join(", ", JsmsRoles.All), Required = true, AllowMultipleArgumentsPerToken = true };
        var displayName = new Option<string?>("--name") { Description = "Display name." };
        var password = new Option<string?>("--password") { Description = "Password; otherwise read from JSMS_PASSWORD or standard input." };
        var add = new Command("add", "Add a user.") { username, agency, roles, displayName, password };
        add.TreatUnmatchedTokensAsErrors = false;
        add.SetAction(async (result, cancellationToken) =>
        {
            var secret = result.GetValue(password) ?? Environment.GetEnvironmentVariable("JSMS_PASSWORD") ?? ReadPassword();
            await using var host = await PreparedCommandHostAsync(result, cancellationToken);
            if (host is null)
            {
                return 1;
            }
            var (user, errors) = await host.Services.GetRequiredService<UserAdministration>().AddAsync(new NewUser(
                result.GetValue(username)!, result.GetValue(displayName) ?? "", result.GetValue(agency)!, result.GetValue(roles) ?? [], secret));
            if (user is null)
            {
                foreach (var (field, messages) in errors)
                {
                    await Console.Error.WriteLineAsync($"{field}: {string.Join(" ", messages)}");
                }
                return 1;
            }
            Console.WriteLine($"Added {user.UserName} ({user.Id}).");
            return 0;
        });

        var list = new Command("list", "List users.") { TreatUnmatchedTokensAsErrors = false };
        list.SetAction(async (result, cancellationToken) =>
        {
            await using var host = await PreparedCommandHostAsync(result, cancellationToken);
            if (host is null)
            {
                return 1;
            }
            var rows = await host.Services.GetRequiredService<UserAdministration>().ListAsync();
            Console.WriteLine($"{"USERNAME",-24} {"AGENCY",-12} {"ROLES",-28} {"2FA",-4} STATUS");
            foreach (var u in rows)
            {
                Console.WriteLine($"{u.Username,-24} {u.AgencyCode,-12} {string.Join(",", u.Roles),-28} {(u.TwoFactor ? "yes" : "no"),-4} {(u.Disabled ? "disabled" : "active")}");
            }
            return 0;
        });

        users.Subcommands.Add(add);
        users.Subcommands.Add(list);
        users.Subcommands.Add(SetDisabled("disable", true, username));
        users.Subcommands.Add(SetDisabled("enable", false, username));
        return users;
    }

    private static Command SetDisabled(string name, bool disabled, Argument<string> username)
    {
        var command = new Command(name, disabled ? "Disable a user and revoke their tokens." : "Enable a disabled user.") { username };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var host = await PreparedCommandHostAsync(result, cancellationToken);
            if (host is null)
            {
                return 1;
            }
            var who = result.GetValue(username)!;
            if (!await host.Services.GetRequiredService<UserAdministration>().SetDisabledAsync(who, disabled))
            {
                await Console.Error.WriteLineAsync($"No user '{who}'.");
                return 1;
            }
            Console.WriteLine($"{who} {(disabled ? "disabled" : "enabled")}.");
            return 0;
        });
        return command;
    }

    private static Command Audit()
    {
        var audit = new Command("audit", "Work with the audit log.");
        var verify = new Command("verify", "Check the hash chain of the audit log and name the first broken entry.") { TreatUnmatchedTokensAsErrors = false };
        verify.SetAction(async (result, cancellationToken) =>
        {
            await using var host = await PreparedCommandHostAsync(result, cancellationToken);
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
            await using var host = await PreparedCommandHostAsync(result, cancellationToken);
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
            await using var host = CommandHost(result);
            Console.WriteLine($"{"SOURCE",-6} {"NO",3} {"IMPORTED (UTC)",-17} {"ENTRIES",7} {"+",5} {"-",5} {"~",5}  ID");
            foreach (var v in await Features.Screening.ScreeningModule.VersionsAsync(host.Services.GetRequiredService<JsmsDbContext>()))
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
            await using var host = CommandHost(result);
            var outcome = await Features.Screening.ScreeningModule.DiffAsync(result.GetValue(versionId), result.GetValue(against),
                host.Services.GetRequiredService<JsmsDbContext>(), host.Services.GetRequiredService<Features.Screening.ListImporter>());
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
        Func<Features.Screening.ListImporter, IProgress<string>, Task<Features.Screening.ImportOutcome>> import, CancellationToken cancellationToken)
    {
        await using var host = CommandHost(result);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var progress = new Progress<string>(message => Console.Error.WriteLine($"[{started.Elapsed.TotalSeconds,5:0.0}s] {message}"));
        try
        {
            var outcome = await import(host.Services.GetRequiredService<Features.Screening.ListImporter>(), progress);
            Console.WriteLine(outcome.Unchanged
                ? $"{outcome.Source}: identical to version {outcome.Number}; nothing imported."
                : $"{outcome.Source} version {outcome.Number}: {outcome.EntryCount:N0} entries ({outcome.Added} added, {outcome.Removed} removed, {outcome.Changed} changed) in {started.Elapsed.TotalSeconds:0.0}s.");
            return 0;
        }
        catch (Features.Screening.Lists.ListFormatException e)
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

    /// <summary>
    /// <c>tracking import FILE [--device ID]</c>: a GPX or CSV track stored as the device's positions and replayed through
    /// a detection engine of this process in event-time order (the alerts are stored like live ones). Exit 2 when refused.
    /// </summary>
    private static Command Tracking()
    {
        var tracking = new Command("tracking", "Tracking: import recorded tracks.");
        var file = new Argument<FileInfo>("FILE") { Description = "A GPX 1.1 file, or CSV with a header deviceId,time,lat,lon[,speed]." };
        var device = new Option<string?>("--device") { Description = "The unique id of the device the track belongs to (GPX: required)." };
        var import = new Command("import", "Import and replay a GPX or CSV track.") { file, device };
        import.TreatUnmatchedTokensAsErrors = false;
        import.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(file)!;
            var limit = 0L;
            await using var host = await PreparedCommandHostAsync(result, cancellationToken);
            if (host is null)
            {
                return 1;
            }
            limit = host.Services.GetRequiredService<IOptions<Features.Tracking.TrackingProtocolOptions>>().Value.MaxImportBytes;
            string text;
            try
            {
                if (path.Length > limit)
                {
                    await Console.Error.WriteLineAsync($"Refused: the file is larger than {limit} bytes (Jsms:Tracking:MaxImportBytes).");
                    return 2;
                }
                text = await File.ReadAllTextAsync(path.FullName, cancellationToken);
            }
            catch (IOException e)
            {
                await Console.Error.WriteLineAsync($"Cannot read the file: {e.Message}");
                return 2;
            }
            var format = path.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase) ? Features.Tracking.TrackImport.Format.Csv
                : path.Extension.Equals(".gpx", StringComparison.OrdinalIgnoreCase) ? Features.Tracking.TrackImport.Format.Gpx
                : Features.Tracking.TrackImport.Detect(null, text);
            var db = host.Services.GetRequiredService<JsmsDbContext>();
            var outcome = await Features.Tracking.TrackImport.ImportAsync(text, format, result.GetValue(device), db.Set<Features.Tracking.Device>(), db,
                host.Services.GetRequiredService<Features.Tracking.TrackingPipeline>(), host.Services.GetRequiredService<Features.Tracking.TrackingCounters>(),
                host.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
                host.Services.GetRequiredService<IOptions<Features.Tracking.TrackingOptions>>().Value, cancellationToken);
            if (outcome.Errors is not null)
            {
                await Console.Error.WriteLineAsync("Refused; nothing was stored:");
                foreach (var (key, messages) in outcome.Errors)
                {
                    await Console.Error.WriteLineAsync($"  {key}: {string.Join(" ", messages)}");
                }
                return 2;
            }
            if (outcome.UnknownDevices is not null)
            {
                await Console.Error.WriteLineAsync($"Refused: no device is registered with unique id {outcome.UnknownDevices}; nothing was stored.");
                return 2;
            }
            var r = outcome.Result!;
            Console.WriteLine($"Imported {r.Accepted} positions of {string.Join(", ", r.Devices)} from {r.From:u} to {r.To:u}; {r.AlertsRaised} alert(s) raised.");
            return 0;
        });
        tracking.Subcommands.Add(import);
        return tracking;
    }

    /// <summary>The application's services without the web server, named "cli:USER" in the audit log.</summary>
    private static CommandHostScope CommandHost(ParseResult result)
    {
        var app = JsmsApp.Build([.. result.UnmatchedTokens], b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        app.Services.GetRequiredService<AuditActorFallback>().Name = $"cli:{Environment.UserName}";
        return new CommandHostScope(app);
    }

    /// <summary>
    /// A command host on a database ready for use: an empty database gets the schema (as <c>serve</c>
    /// would), and the roles exist. Null (after saying why) when the database needs <c>jsms migrate</c>.
    /// </summary>
    private static async Task<CommandHostScope?> PreparedCommandHostAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var host = CommandHost(result);
        try
        {
            await DatabaseSetup.PrepareDatabaseAsync(host.Services, cancellationToken);
            await host.Services.GetRequiredService<UserAdministration>().EnsureRolesAsync();
            return host;
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            await host.DisposeAsync();
            return null;
        }
    }

    private static string ReadPassword()
    {
        Console.Error.Write("Password: ");
        return Console.ReadLine() ?? "";
    }

    private sealed class CommandHostScope(WebApplication app) : IAsyncDisposable
    {
        private readonly AsyncServiceScope _scope = app.Services.CreateAsyncScope();

        public IServiceProvider Services => _scope.ServiceProvider;

        public async ValueTask DisposeAsync()
        {
            await _scope.DisposeAsync();
            await app.DisposeAsync();
        }
    }
}
