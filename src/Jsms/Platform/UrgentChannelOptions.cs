namespace Jsms.Platform;

internal sealed class UrgentChannelOptions
{
    public int CheckIntervalSeconds { get; set; } = 30;
}
