using Microsoft.AspNetCore.DataProtection;

namespace Jsms.Features.Operations;

/// <summary>
/// Encrypts and decrypts deployed personnel's passport numbers (ASP.NET Core Data Protection, keys beside the database),
/// as protected persons' identifiers are: the column holds ciphertext only.
/// </summary>
internal sealed class PassportNumbers(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Jsms.Operations.PassportNumbers.v1");

    public string? Protect(string? plain) => string.IsNullOrWhiteSpace(plain) ? null : _protector.Protect(plain.Trim());

    public string? Unprotect(string? cipher) => cipher is null ? null : _protector.Unprotect(cipher);
}
