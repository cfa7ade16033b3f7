using Jsms.Platform.Database;
using Jsms.Platform.Identity;
using Jsms.Platform.Partners;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Accounts;

/// <summary>Adding, listing, disabling users: shared by the API, the admin pages and the command line.</summary>
internal sealed class UserAdministration(UserManager<User> users, RoleManager<Role> roles, JsmsDbContext db, TimeProvider clock)
{
    /// <summary>Creates the user; returns the validation errors by field, or the new user.</summary>
    public async Task<(User? User, Dictionary<string, string[]> Errors)> AddAsync(NewUser request)
    {
        var errors = new Dictionary<string, string[]>();
        var code = request.AgencyCode.Trim().ToUpperInvariant();
        var agency = await db.Set<Agency>().FirstOrDefaultAsync(a => a.Code == code);
        if (agency is null)
        {
            errors["agency"] = [$"No agency has the code '{request.AgencyCode}'."];
        }
        var unknownRoles = request.Roles.Where(r => !JsmsRoles.All.Contains(r)).ToList();
        if (request.Roles.Count == 0)
        {
            errors["roles"] = ["At least one role is required: " + string.Join(", ", JsmsRoles.All) + "."];
        }
        else if (unknownRoles.Count > 0)
        {
            errors["roles"] = [$"Unknown role(s): {string.Join(", ", unknownRoles)}. Roles are {string.Join(", ", JsmsRoles.All)}."];
        }
        var user = new User
        {
            Id = Guid.NewGuid(),
            UserName = request.Username.Trim(),
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? request.Username.Trim() : request.DisplayName.Trim(),
            AgencyId = agency?.Id ?? Guid.Empty,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        if (string.IsNullOrWhiteSpace(request.Username))
        {
            errors["username"] = ["A username is required."];
        }
        else
        {
            // Identity's own checks (allowed characters, duplicates), so every problem is reported at once.
            foreach (var validator in users.UserValidators)
            {
                Merge(errors, IdentityErrors(await validator.ValidateAsync(users, user)));
            }
        }
        foreach (var validator in users.PasswordValidators)
        {
            Merge(errors, IdentityErrors(await validator.ValidateAsync(users, user, request.Password)));
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        // The audited save below runs in this transaction: hold the audit lock until it commits.
        await using var auditLock = await db.HoldAuditLockAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
        {
            return (null, IdentityErrors(created));
        }
        await EnsureRolesAsync();
        var added = await users.AddToRolesAsync(user, request.Roles.Distinct());
        if (!added.Succeeded)
        {
            return (null, IdentityErrors(added));
        }
        db.Audit("create", "User", user.Id, $"username {user.UserName}, agency {agency!.Code}, roles {string.Join(",", request.Roles)}");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return (user, errors);
    }

    public async Task<List<UserSummary>> ListAsync()
    {
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, AgencyCode = u.Agency!.Code, u.IsDisabled, u.TwoFactorEnabled })
            .ToListAsync();
        var roleRows = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync();
        var rolesByUser = roleRows.ToLookup(r => r.UserId, r => r.Name!);
        return rows.Select(u => new UserSummary(u.Id, u.UserName ?? "", u.DisplayName, u.AgencyCode, [.. rolesByUser[u.Id].Order()], u.IsDisabled, u.TwoFactorEnabled)).ToList();
    }

    /// <summary>Disables (or re-enables) a user and revokes their tokens; false when no such user.</summary>
    public async Task<bool> SetDisabledAsync(string usernameOrId, bool disabled)
    {
        var user = Guid.TryParse(usernameOrId, out var id)
            ? await users.FindByIdAsync(id.ToString())
            : await users.FindByNameAsync(usernameOrId);
        if (user is null)
        {
            return false;
        }
        user.IsDisabled = disabled;
        if (disabled)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await db.Set<ApiToken>().Where(t => t.UserId == user.Id && t.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now));
        }
        await users.UpdateSecurityStampAsync(user);
        db.Audit(disabled ? "user.disable" : "user.enable", "User", user.Id, user.UserName);
        await db.SaveChangesAsync();
        return true;
    }

    public async Task EnsureRolesAsync()
    {
        foreach (var name in JsmsRoles.All)
        {
            if (!await roles.RoleExistsAsync(name))
            {
                await roles.CreateAsync(new Role(name) { Id = Guid.NewGuid() });
            }
        }
    }

    private static void Merge(Dictionary<string, string[]> errors, Dictionary<string, string[]> more)
    {
        foreach (var (field, messages) in more)
        {
            errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, .. messages] : messages;
        }
    }

    private static Dictionary<string, string[]> IdentityErrors(IdentityResult result)
        => result.Errors.GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : e.Code.Contains("UserName", StringComparison.Ordinal) ? "username" : "user")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
}
