using Jsms.Platform.Access;

namespace Jsms.Features.Intelligence;

/// <summary>Ask partner agencies: <c>To</c> agency codes, the deadline (UTC), the marking (release-to is the asked agencies).</summary>
internal sealed record AskRfiRequest(string[]? To, string? Title, string? Question, DateTime? DueAt, MarkingInput? Marking);
