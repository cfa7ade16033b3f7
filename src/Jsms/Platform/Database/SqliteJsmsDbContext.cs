using Jsms.Features.Access;
using Jsms.Features.Accounts;
using Jsms.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Jsms.Platform.Database;

internal sealed class SqliteJsmsDbContext(DbContextOptions<SqliteJsmsDbContext> options, IAuditActor? actor = null, TimeProvider? clock = null,
    AuditWriteLock? auditLock = null)
    : JsmsDbContext(options, actor, clock, auditLock);
