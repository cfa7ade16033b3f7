namespace Jsms.Features.Operations;

/// <summary>
/// A deployed person's training and vetting currency at the request's period start, from the training records the caller
/// may read (by account when the person has one, else by name within the requesting agency); <see cref="Warnings"/> is
/// empty when nothing is expired, expiring or missing.
/// </summary>
internal sealed record PersonnelCurrencyDto(Guid PersonId, string Name, DateOnly On, IReadOnlyList<CertificateCurrencyDto> Certificates,
    bool AnyExpired, bool AnyExpiring, bool VettingCurrent, IReadOnlyList<string> Warnings);
