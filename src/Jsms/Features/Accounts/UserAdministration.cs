using System.Security.Cryptography;
using Jsms.Platform.Database;
using Jsms.Platform.Identity;
using Jsms.Platform.Partners;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jsms.Features.Accounts;

/// <summary>
/// Adding, listing, disabling users, changing their roles, resetting passwords and unlocking: shared by the API, the
/// admin pages and the command line. The API and pages manage only the users of the administrator's own agency
/// (<see cref="FindManagedAsync"/>); the command line, run by the node's operator, manages every user.
/// </summary>
internal sealed class UserAdministration(UserManager<User> users, RoleManager<Role> roles, JsmsDbContext db, TimeProvider clock,
    IOptions<SignInLimits> limits)
{
    /// <summary>The Identity user-token entry that asks a user to choose a new password (set by a reset, cleared by a change).</summary>
    public const string TokenProvider = "Jsms";
    public const string PasswordChangeRequired = "PasswordChangeRequired";

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

    public async Task<List<UserSummary>> ListAsync(Guid? onlyUserId = null)
    {
        var query = db.Users.AsNoTracking();
        if (onlyUserId is { } only)
        {
            query = query.Where(u => u.Id == only);
        }
        var rows = await query.OrderBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName, u.NormalizedUserName, u.DisplayName, AgencyCode = u.Agency!.Code, u.IsDisabled, u.TwoFactorEnabled, u.LockoutEnd })
            .ToListAsync();
        var roleRows = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync();
        var rolesByUser = roleRows.ToLookup(r => r.UserId, r => r.Name!);
        var changeRequired = (await db.UserTokens.AsNoTracking()
            .Where(t => t.LoginProvider == TokenProvider && t.Name == PasswordChangeRequired).Select(t => t.UserId).ToListAsync()).ToHashSet();
        var now = clock.GetUtcNow();
        var throttled = await ThrottledAccountsAsync(now.UtcDateTime);
        return rows.Select(u => new UserSummary(u.Id, u.UserName ?? "", u.DisplayName, u.AgencyCode, [.. rolesByUser[u.Id].Order()], u.IsDisabled,
            u.TwoFactorEnabled, u.LockoutEnd > now || throttled.Contains(u.NormalizedUserName ?? ""), changeRequired.Contains(u.Id))).ToList();
    }

    /// <summary>A user of the caller's agency, or null: an administrator acts only on their own agency's users.</summary>
    public Task<User?> FindManagedAsync(Guid id, Guid agencyId)
        => users.Users.FirstOrDefaultAsync(u => u.Id == id && u.AgencyId == agencyId);

    /// <summary>Replaces the user's roles; an administrator cannot take the administrator role from themselves.</summary>
    public async Task<Dictionary<string, string[]>> SetRolesAsync(User user, IReadOnlyCollection<string> requested, Guid actingUserId)
    {
        var wanted = requested.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var errors = new Dictionary<string, string[]>();
        var unknown = wanted.Where(r => !JsmsRoles.All.Contains(r)).ToList();
        if (wanted.Count == 0)
        {
            errors["roles"] = ["At least one role is required: " + string.Join(", ", JsmsRoles.All) + "."];
        }
        else if (unknown.Count > 0)
        {
            errors["roles"] = [$"Unknown role(s): {string.Join(", ", unknown)}. Roles are {string.Join(", ", JsmsRoles.All)}."];
        }
        else if (user.Id == actingUserId && !wanted.Contains(JsmsRoles.Administrator))
        {
            // Otherwise the last step of an administrator's session could leave the agency with nobody to undo it.
            errors["roles"] = ["You cannot remove the administrator role from yourself."];
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        await EnsureRolesAsync();
        var current = await users.GetRolesAsync(user);
        var removed = current.Except(wanted).ToList();
        var added = wanted.Except(current).ToList();
        if (removed.Count == 0 && added.Count == 0)
        {
            return errors;
        }
        await using var auditLock = await db.HoldAuditLockAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var outcome = removed.Count > 0 ? await users.RemoveFromRolesAsync(user, removed) : IdentityResult.Success;
        if (outcome.Succeeded && added.Count > 0)
        {
            outcome = await users.AddToRolesAsync(user, added);
        }
        if (!outcome.Succeeded)
        {
            return IdentityErrors(outcome);
        }
        db.Audit("user.roles", "User", user.Id, $"{user.UserName}: roles {string.Join(",", wanted.Order())} (were {string.Join(",", current.Order())})");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return errors;
    }

    /// <summary>
    /// Gives the user a random temporary password (returned once, never stored or logged in clear), revokes their API
    /// tokens and ends their sessions, and asks them to choose a new password at their next sign-in.
    /// </summary>
    public async Task<string> ResetPasswordAsync(User user)
    {
        var temporary = TemporaryPassword();
        await using var auditLock = await db.HoldAuditLockAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, temporary);
        if (!reset.Succeeded)
        {
            throw new InvalidOperationException("The generated temporary password was refused: " + string.Join(" ", reset.Errors.Select(e => e.Description)));
        }
        await users.SetAuthenticationTokenAsync(user, TokenProvider, PasswordChangeRequired, "1");
        await RevokeTokensAsync(user.Id);
        db.Audit("user.password.reset", "User", user.Id, $"{user.UserName}: temporary password issued, tokens revoked");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return temporary;
    }

    /// <summary>The user's own change of password; clears a pending change request.</summary>
    public async Task<Dictionary<string, string[]>> ChangeOwnPasswordAsync(User user, string current, string next)
    {
        var changed = await users.ChangePasswordAsync(user, current, next);
        if (!changed.Succeeded)
        {
            return changed.Errors.GroupBy(e => e.Code == "PasswordMismatch" ? "current" : "password")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
        }
        await users.RemoveAuthenticationTokenAsync(user, TokenProvider, PasswordChangeRequired);
        db.Audit("password.change", "User", user.Id, user.UserName);
        await db.SaveChangesAsync();
        return [];
    }

    public async Task<bool> MustChangePasswordAsync(User user)
        => await users.GetAuthenticationTokenAsync(user, TokenProvider, PasswordChangeRequired) is not null;

    /// <summary>Lifts a lockout and forgets the failed sign-ins counted against the account name, so it may sign in at once.</summary>
    public async Task UnlockAsync(User user)
    {
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        var account = user.NormalizedUserName ?? "";
        var failures = await db.Set<SignInAttempt>().Where(a => !a.Succeeded && a.Account == account).ExecuteDeleteAsync();
        db.Audit("user.unlock", "User", user.Id, $"{user.UserName}: {failures} failed sign-in(s) forgotten");
        await db.SaveChangesAsync();
    }

    /// <summary>Account names whose failures in the last hour reached the point where unfamiliar addresses are made to wait.</summary>
    private async Task<HashSet<string>> ThrottledAccountsAsync(DateTime now)
    {
        var free = limits.Value.FreeFailuresPerAccount;
        if (free < 1)
        {
            return [];
        }
        var since = now - TimeSpan.FromHours(1);
        return (await db.Set<SignInAttempt>().AsNoTracking().Where(a => !a.Succeeded && a.At > since)
            .GroupBy(a => a.Account).Where(g => g.Count() >= free).Select(g => g.Key).ToListAsync()).ToHashSet(StringComparer.Ordinal);
    }

    private Task<int> RevokeTokensAsync(Guid userId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Set<ApiToken>().Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now));
    }

    /// <summary>16 characters without look-alikes (no 0/O, 1/l/I), always with an upper, a lower case letter and a digit.</summary>
    private static string TemporaryPassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnpqrstuvwxyz", digits = "23456789";
        while (true)
        {
            var candidate = new string(RandomNumberGenerator.GetItems<char>(upper + lower + digits, 16));
            if (candidate.Any(upper.Contains) && candidate.Any(lower.Contains) && candidate.Any(digits.Contains))
            {
                return candidate;
            }
        }
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
        await SetDisabledAsync(user, disabled);
        return true;
    }

    public async Task SetDisabledAsync(User user, bool disabled)
    {
        user.IsDisabled = disabled;
        if (disabled)
        {
            await RevokeTokensAsync(user.Id);
        }
        await users.UpdateSecurityStampAsync(user);
        db.Audit(disabled ? "user.disable" : "user.enable", "User", user.Id, user.UserName);
        await db.SaveChangesAsync();
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
