using Jsms.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Platform.Database;

internal sealed class PostgresJsmsDbContext(DbContextOptions<PostgresJsmsDbContext> options, IAuditActor? actor = null, TimeProvider? clock = null,
    AuditWriteLock? auditLock = null)
    : JsmsDbContext(options, actor, clock, auditLock);
