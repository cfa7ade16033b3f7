namespace Jsms.Features.Training;

/// <summary>One person's certificates on a date, with whether any training or vetting certificate is expired or expiring.</summary>
internal sealed record PersonCurrency(PersonRef Person, IReadOnlyList<EnrolmentDto> Certificates, bool AnyExpired, bool AnyExpiring,
    bool VettingCurrent);
