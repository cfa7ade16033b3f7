namespace Jsms.Features.Alerts;

/// <summary>
/// The trigger that numbers alerts in commit order, for every writer (EF Core or not): it increments the one
/// <c>AlertSequence</c> row inside the inserting transaction. On PostgreSQL that row's lock is held until the
/// transaction ends, so a second transaction that inserts alerts waits and takes the next number only after the
/// first committed; SQLite has one writer at a time anyway. So once a reader sees alert N, every alert numbered
/// below N is committed and visible too: a cursor "after N" never skips one (docs/decisions/0009-alert-stream-replay.md).
/// Created by the Initial migrations (as literal SQL).
/// </summary>
internal static class AlertSequenceSql
{
    public const string Trigger = "Alerts_sequence";

    public const int RowId = 1;
}
