using System.Text.Json;

namespace Jsms.Features.Operations;

internal sealed record ConsentDecisionDto(Guid Id, int Round, string Authority, string DecidedBy, string Answer, string? Reasons,
    string? Conditions, JsonElement? NarrowedArea, DateTime? NarrowedStart, DateTime? NarrowedEnd, List<Guid>? PersonnelIds, DateTime At);
