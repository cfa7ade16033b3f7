using System.CommandLine;
using Jsms.Platform.Cli;
using Jsms.Platform.Identity;

namespace Jsms.Features.Accounts;

/// <summary>User administration's commands: <c>users add|list|disable|enable</c>.</summary>
internal static class AccountsCommands
{
    public static RootCommand AddAccountsCommands(this RootCommand root)
    {
        root.Subcommands.Add(Users());
        return root;
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
            await using var host = await CommandHost.PreparedAsync(result, cancellationToken);
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
            await using var host = await CommandHost.PreparedAsync(result, cancellationToken);
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
            await using var host = await CommandHost.PreparedAsync(result, cancellationToken);
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

    private static string ReadPassword()
    {
        Console.Error.Write("Password: ");
        return Console.ReadLine() ?? "";
    }
}
