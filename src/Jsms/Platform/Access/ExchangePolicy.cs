using System.Linq.Expressions;

namespace Jsms.Platform.Access;

/// <summary>
/// What may leave this node over TAXII, beside the access policy (docs/access-policy.md), which decides first: these rules
/// only narrow what <see cref="AccessPolicy"/> lets a caller read. RED never leaves its node, to anyone. AMBER+STRICT
/// reaches only named users of this node: the TAXII server serves it to them, a push never sends it to another node.
/// Written as expressions EF Core translates, so the rule runs in the database beside the access policy's WHERE clause.
/// </summary>
internal static class ExchangePolicy
{
    /// <summary>What this node's TAXII server serves to (or lets delete) a user of this node: never RED.</summary>
    public static Expression<Func<T, bool>> ServedOverTaxii<T>() where T : class, IReleasable
        => r => r.Tlp != Tlp.Red;

    /// <summary>What this node sends to another node (a TAXII push): never RED, never AMBER+STRICT.</summary>
    public static Expression<Func<T, bool>> SentToAnotherNode<T>() where T : class, IReleasable
        => r => r.Tlp != Tlp.Red && r.Tlp != Tlp.AmberStrict;

    /// <summary>Whether a record received from another node may be stored here: RED is refused (it never leaves its node).</summary>
    public static bool AcceptedFromAnotherNode(Tlp tlp) => tlp != Tlp.Red;
}
