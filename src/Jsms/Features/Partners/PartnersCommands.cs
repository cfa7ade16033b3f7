using System.CommandLine;
using Jsms.Platform.Cli;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Partners;

/// <summary>The partner directory's commands: <c>agencies add</c>.</summary>
internal static class PartnersCommands
{
    public static RootCommand AddPartnersCommands(this RootCommand root)
    {
        root.Subcommands.Add(Agencies());
        return root;
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
            await using var host = await CommandHost.PreparedAsync(result, cancellationToken);
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
}
