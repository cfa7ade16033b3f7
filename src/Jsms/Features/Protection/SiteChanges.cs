namespace Jsms.Features.Protection;

/// <summary>Bumped whenever a site or a movement changes, so the tracking engine reloads its zones and routes before the next observation.</summary>
internal sealed class SiteChanges
{
    private int _version;

    public int Version => Volatile.Read(ref _version);

    public void Bump() => Interlocked.Increment(ref _version);
}
