using Jsms.Features.Audit;
using Jsms.Features.Access;
using Jsms.Features.Partners;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Intelligence;

/// <summary>Ask partner agencies: <c>To</c> agency codes, the deadline (UTC), the marking (release-to is the asked agencies).</summary>
internal sealed record AskRfiRequest(string[]? To, string? Title, string? Question, DateTime? DueAt, MarkingInput? Marking);
