using Jsms.Platform.Access;

namespace Jsms.Features.Protection;

internal sealed record PersonRequest(string? Name, string? Nationality, string? Employer, string? Project,
    string? PassportNumber, string? Phone, MarkingInput? Marking);
