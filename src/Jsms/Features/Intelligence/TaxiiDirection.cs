namespace Jsms.Features.Intelligence;

/// <summary>Whether a source pulls from the remote collection or pushes to it (a destination).</summary>
internal enum TaxiiDirection
{
    Pull,
    Push,
}
