using Jsms.Features.Access;
using Microsoft.AspNetCore.DataProtection;

namespace Jsms.Features.Protection;

/// <summary>Encrypts and decrypts a person's passport number and phone (ASP.NET Core Data Protection, keys beside the database).</summary>
public sealed class PersonIdentifiers(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Jsms.Protection.PersonIdentifiers.v1");

    public string? Protect(string? plain) => string.IsNullOrWhiteSpace(plain) ? null : _protector.Protect(plain.Trim());

    public string? Unprotect(string? cipher) => cipher is null ? null : _protector.Unprotect(cipher);

    /// <summary>Shows only the last two characters.</summary>
    public static string? Mask(string? plain) => plain is null ? null : new string('*', Math.Max(0, plain.Length - 2)) + plain[Math.Max(0, plain.Length - 2)..];
}

/// <summary>Bumped whenever a site or a movement changes, so the tracking engine reloads its zones and routes before the next observation.</summary>
public sealed class SiteChanges
{
    private int _version;

    public int Version => Volatile.Read(ref _version);

    public void Bump() => Interlocked.Increment(ref _version);
}

internal static class Validate
{
    public static string? Text(Dictionary<string, string[]> errors, string key, string? value, int max, bool required)
    {
        var trimmed = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (trimmed is null && required)
        {
            errors[key] = ["Required."];
        }
        else if (trimmed is not null && trimmed.Length > max)
        {
            errors[key] = [$"At most {max} characters."];
        }
        return trimmed;
    }

    public static void Merge(Dictionary<string, string[]> into, Dictionary<string, string[]> from)
    {
        foreach (var (key, value) in from)
        {
            into[key] = value;
        }
    }
}
