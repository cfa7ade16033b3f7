using Jsms.Features.Training;

namespace Jsms.Features.Operations;

/// <summary>One certificate a deployed person holds and where it stands on the request's period start.</summary>
internal sealed record CertificateCurrencyDto(Guid CourseId, string Course, string? CertificateNumber, DateOnly? IssuedOn, DateOnly? ExpiresOn,
    CurrencyState State);
