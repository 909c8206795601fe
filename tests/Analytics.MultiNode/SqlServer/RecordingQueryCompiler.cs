#pragma warning disable EF1001 // The query compiler is EF's internal API: the one place that sees every query as it was written.
using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace Analytics.MultiNode.SqlServer;

/// <summary>
/// EF's own query compiler, which also keeps every LINQ expression it is asked to run (ToListAsync, AnyAsync, SumAsync,
/// ExecuteDeleteAsync ...), before EF turns its captured values into parameters, and every query compiled with
/// EF.CompileQuery or EF.CompileAsyncQuery (when it is first compiled for the model, which is once per process: its
/// arguments are then free parameters of the expression). Those expressions can then be built again on another
/// provider's model, exactly as the application wrote them.
/// </summary>
public sealed class RecordingQueryCompiler(IQueryContextFactory queryContextFactory, ICompiledQueryCache compiledQueryCache,
    ICompiledQueryCacheKeyGenerator compiledQueryCacheKeyGenerator, IDatabase database,
    IDiagnosticsLogger<DbLoggerCategory.Query> logger, ICurrentDbContext currentContext,
    IEvaluatableExpressionFilter evaluatableExpressionFilter, IModel model)
    : QueryCompiler(queryContextFactory, compiledQueryCache, compiledQueryCacheKeyGenerator, database, logger, currentContext,
        evaluatableExpressionFilter, model)
{
    /// <summary>What was run while <see cref="Recording"/> was on. Static: EF makes the compiler, not the test.</summary>
    public static readonly ConcurrentQueue<Expression> Recorded = new();

    public static volatile bool Recording;

    public override TResult Execute<TResult>(Expression query)
    {
        if (Recording) Recorded.Enqueue(query);
        return base.Execute<TResult>(query);
    }

    public override TResult ExecuteAsync<TResult>(Expression query, CancellationToken cancellationToken = default)
    {
        if (Recording) Recorded.Enqueue(query);
        return base.ExecuteAsync<TResult>(query, cancellationToken);
    }

    public override Func<QueryContext, TResult> CreateCompiledQuery<TResult>(Expression query)
    {
        if (Recording) Recorded.Enqueue(query);
        return base.CreateCompiledQuery<TResult>(query);
    }

    public override Func<QueryContext, TResult> CreateCompiledAsyncQuery<TResult>(Expression query)
    {
        if (Recording) Recorded.Enqueue(query);
        return base.CreateCompiledAsyncQuery<TResult>(query);
    }
}
