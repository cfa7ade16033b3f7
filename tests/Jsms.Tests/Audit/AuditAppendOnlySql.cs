namespace Jsms.Tests.Audit;

/// <summary>
/// The append-only triggers of <c>AuditEntries</c> as the Initial migrations create them, for the tests that play a DBA
/// who drops them to tamper with the log (the hash chain must still tell).
/// </summary>
internal static class AuditAppendOnlySql
{
    public const string SqliteCreate = """
        CREATE TRIGGER "AuditEntries_no_update" BEFORE UPDATE ON "AuditEntries"
        BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;
        CREATE TRIGGER "AuditEntries_no_delete" BEFORE DELETE ON "AuditEntries"
        BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;
        """;

    public const string SqliteDrop = """
        DROP TRIGGER IF EXISTS "AuditEntries_no_update";
        DROP TRIGGER IF EXISTS "AuditEntries_no_delete";
        """;

    public const string PostgresCreate = """
        CREATE FUNCTION jsms_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'The audit log is append-only.' USING ERRCODE = 'insufficient_privilege';
        END
        $$;
        CREATE TRIGGER "AuditEntries_append_only" BEFORE UPDATE OR DELETE ON "AuditEntries"
            FOR EACH ROW EXECUTE FUNCTION jsms_audit_append_only();
        CREATE TRIGGER "AuditEntries_no_truncate" BEFORE TRUNCATE ON "AuditEntries"
            FOR EACH STATEMENT EXECUTE FUNCTION jsms_audit_append_only();
        """;

    public const string PostgresDrop = """
        DROP TRIGGER IF EXISTS "AuditEntries_append_only" ON "AuditEntries";
        DROP TRIGGER IF EXISTS "AuditEntries_no_truncate" ON "AuditEntries";
        DROP FUNCTION IF EXISTS jsms_audit_append_only();
        """;
}
