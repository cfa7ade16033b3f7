namespace Jsms.Features.Tracking;

internal sealed record RefusedItem(int Index, string Id, string Reason);
