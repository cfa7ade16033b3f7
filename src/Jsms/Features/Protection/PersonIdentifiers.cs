using Microsoft.AspNetCore.DataProtection;

namespace Jsms.Features.Protection;

/// <summary>Encrypts and decrypts a person's passport number and phone (ASP.NET Core Data Protection, keys beside the database).</summary>
internal sealed class PersonIdentifiers(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Jsms.Protection.PersonIdentifiers.v1");

    public string? Protect(string? plain) => string.IsNullOrWhiteSpace(plain) ? null : _protector.Protect(plain.Trim());

    public string? Unprotect(string? cipher) => cipher is null ? null : _protector.Unprotect(cipher);

    /// <summary>Shows only the last two characters.</summary>
    public static string? Mask(string? plain) => plain is null ? null : new string('*', Math.Max(0, plain.Length - 2)) + plain[Math.Max(0, plain.Length - 2)..];
}
