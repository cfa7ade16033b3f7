using Jsms.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Platform.Database;

internal sealed class SqliteJsmsDbContext(DbContextOptions<SqliteJsmsDbContext> options, IAuditActor? actor = null, TimeProvider? clock = null,
    AuditWriteLock? auditLock = null)
    : JsmsDbContext(options, actor, clock, auditLock);
