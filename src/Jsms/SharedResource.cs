namespace Jsms;

/// <summary>Marker for the UI text in Resources/SharedResource.resx (English); add SharedResource.xx.resx for another language.</summary>
public sealed class SharedResource;
