namespace Jsms.Features.Training;

/// <summary>
/// Changes an enrolment's status and result. Completed and passed in a course with a certificate validity issues the
/// certificate (the number given, or one made up; issued on <see cref="CertificateIssuedOn"/> or the session's last day).
/// </summary>
internal sealed record RecordResultRequest(string? Status, double? Hours, string? Grade, bool? Passed, string? CertificateNumber, string? CertificateIssuedOn);
