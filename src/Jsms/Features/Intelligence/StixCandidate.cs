using Jsms.Platform.Access;

namespace Jsms.Features.Intelligence;

/// <summary>A received object as checked and read by <see cref="StixObjectCheck"/>: the fields JSMS stores and what its marking says.</summary>
internal sealed class StixCandidate
{
    public required int Index { get; init; }
    public required string Id { get; init; }
    public required string Type { get; init; }
    /// <summary>The object's bytes as received.</summary>
    public required byte[] Raw { get; init; }
    public DateTime? Created { get; init; }
    public DateTime? Modified { get; init; }
    public string Version { get; init; } = "";
    public bool Revoked { get; init; }
    public string? CreatedByRef { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? SourceRef { get; init; }
    public string? TargetRef { get; init; }
    public Tlp? Tlp { get; init; }
    public bool HasReleaseExtension { get; init; }
    public string[] ReleaseTo { get; set; } = [];
    public string[] Recipients { get; set; } = [];

    /// <summary>The one TLP reference of <c>object_marking_refs</c> if it has exactly one and only string entries, else null.</summary>
    public string? ReceivedTlpRef { get; init; }

    /// <summary>The release extension appears once and holds extension_type "property-extension", owner_agency and non-empty string lists only, each once.</summary>
    public bool ReceivedExtensionExact { get; init; }

    public string? ReceivedOwner { get; init; }
    public string[] ReceivedReleaseTo { get; init; } = [];
    public string[] ReceivedRecipients { get; init; } = [];
}
