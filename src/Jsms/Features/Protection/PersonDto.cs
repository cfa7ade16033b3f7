using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Protection;

/// <summary><see cref="IdentifiersMasked"/> is true when the caller may not see passport number and phone in clear.</summary>
internal sealed record PersonDto(Guid Id, string Name, string Nationality, string? Employer, string? Project,
    string? PassportNumber, string? Phone, bool IdentifiersMasked, MarkingDto Marking) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(ProtectedPerson);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);

    /// <summary>Passport number or phone shown in clear is audited at every level.</summary>
    string? IAuditedRead.Discloses => !IdentifiersMasked && (PassportNumber is not null || Phone is not null) ? "identifiers shown" : null;
}
