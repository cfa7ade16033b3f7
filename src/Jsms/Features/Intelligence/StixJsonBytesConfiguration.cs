using System.Linq.Expressions;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jsms.Features.Intelligence;

/// <summary>Maps <see cref="StixJsonBytes.Utf8"/> to the provider's SQL (applied by the context's model building).</summary>
internal sealed class StixJsonBytesConfiguration : IModelConfiguration
{
    public void Configure(ModelBuilder builder, DatabaseFacade database)
    {
        var bytes = database.GetService<IRelationalTypeMappingSource>().FindMapping(typeof(byte[]))!;
        var postgres = database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";
        builder.HasDbFunction(typeof(StixJsonBytes).GetMethod(nameof(StixJsonBytes.Utf8))!).HasTranslation(arguments => postgres
            ? new SqlFunctionExpression("convert_to", [arguments[0], new SqlFragmentExpression("'UTF8'")], nullable: true,
                argumentsPropagateNullability: [true, false], typeof(byte[]), bytes)
            // SQLite: a TEXT value cast to BLOB is its bytes in the database's encoding, UTF-8.
            : new SqlUnaryExpression(ExpressionType.Convert, arguments[0], typeof(byte[]), bytes));
    }
}
