namespace Jsms.Features.Tracking;

/// <summary>One Cursor-on-Target event as received: the schema's attributes and the position it carries.</summary>
internal sealed record CotEvent(string Uid, string Type, DateTime Time, DateTime Start, DateTime Stale, string How, Fix Fix)
{
    /// <summary>
    /// Only atoms (<c>a-...</c>: a unit, vehicle or person and where it is) report a position of the thing their uid names. The
    /// other branches of the CoT type tree are not positions of a tracker: bits (<c>b-</c>: a chat message, a map marker, an
    /// emergency beacon, with uids of their own), tasking and control (<c>t-</c>, a ping is <c>t-x-c-t</c>), replies
    /// (<c>y-</c>), capabilities (<c>c-</c>) and reservations (<c>r-</c>). They are read and checked, and not stored.
    /// </summary>
    public bool IsPosition => Type.StartsWith("a-", StringComparison.Ordinal);
}
