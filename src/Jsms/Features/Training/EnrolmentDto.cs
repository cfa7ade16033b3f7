namespace Jsms.Features.Training;

/// <summary>One person's enrolment and result; <see cref="CertificateState"/> is Current, Expiring (within the warning window), Expired or None.</summary>
internal sealed record EnrolmentDto(Guid Id, Guid SessionId, Guid CourseId, string Course, Guid? UserId, string? UserName, string PersonName,
    string? Agency, string? Email, EnrolmentRole Role, EnrolmentStatus Status, double? Hours, string? Grade, bool? Passed,
    string? CertificateNumber, DateOnly? CertificateIssuedOn, DateOnly? CertificateExpiresOn, CurrencyState CertificateState);
