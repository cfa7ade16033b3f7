using Microsoft.Extensions.Localization;

// The assembly is named "jsms" but its resources are embedded under the root namespace "Jsms"
// (Jsms.Resources.SharedResource.resources): tell the localizer, or every lookup falls back to the key.
[assembly: RootNamespace("Jsms")]

namespace Jsms;

/// <summary>Marker for the UI text in Resources/SharedResource.resx (English); add SharedResource.xx.resx for another language.</summary>
internal sealed class SharedResource;
