using System.Data.Common;
using System.Linq.Expressions;
using Analytics.Data;
using Analytics.Data.Configuration;
using Analytics.Data.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Query;

namespace Analytics.MultiNode.SqlServer;

/// <summary>
/// Builds a recorded query again on a <see cref="SqlServerAnalyticsDbContext"/> and returns the SQL Server would be sent.
/// No server exists: a sequence is rendered with ToQueryString(); a scalar (Any, Sum, Single ...) or a bulk delete or
/// update is run against a connection that is never opened, and the command is taken from an interceptor before it
/// could be sent. A query that SQL Server's provider cannot translate throws, as it would in production.
/// </summary>
public sealed class SqlServerTranslation : IDisposable
{
    private readonly SqlServerAnalyticsDbContext _db;
    private readonly Capture _capture = new();

    public SqlServerTranslation()
    {
        var options = AnalyticsDatabase.Configure(new DbContextOptionsBuilder<SqlServerAnalyticsDbContext>(), DatabaseProvider.SqlServer,
            "Server=sqlserver.invalid;Database=analytics;User Id=nobody;Password=none;TrustServerCertificate=True");
        options.AddInterceptors(_capture);
        _db = new SqlServerAnalyticsDbContext(options.Options);
    }

    public string Translate(Expression recorded)
    {
        var query = new ToSqlServer(_db).Visit(recorded);
        if (QueryableElement(query.Type) is { } element)
        {
            try
            {
                return (string)typeof(SqlServerTranslation).GetMethod(nameof(SequenceSql), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                    .MakeGenericMethod(element).Invoke(this, [query])!;
            }
            catch (System.Reflection.TargetInvocationException e)
            {
                throw e.InnerException!;
            }
        }
        _capture.Sql = null;
        try
        {
            var provider = ((IQueryable)_db.Events).Provider;
            typeof(IQueryProvider).GetMethods().Single(m => m.Name == nameof(IQueryProvider.Execute) && m.IsGenericMethod)
                .MakeGenericMethod(query.Type).Invoke(provider, [query]);
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is Captured)
        {
        }
        catch (System.Reflection.TargetInvocationException e)
        {
            throw e.InnerException!;
        }
        return _capture.Sql ?? throw new InvalidOperationException("The query ran without sending a command.");
    }

    public void Dispose() => _db.Dispose();

    private string SequenceSql<T>(Expression query) => ((IQueryable)_db.Events).Provider.CreateQuery<T>(query).ToQueryString();

    private static Type? QueryableElement(Type type) =>
        type.IsGenericType && type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IQueryable<>))
            is { } queryable ? queryable.GetGenericArguments()[0] : null;

    /// <summary>
    /// Puts the SQL Server context's sets where the SQLite context's were, whether written as a root or as `db.X` in a
    /// closure; and gives a compiled query's arguments, which are free parameters of its recorded body, a captured value
    /// of their type, so they become SQL parameters as a compiled query's arguments do.
    /// </summary>
    private sealed class ToSqlServer(DbContext target) : ExpressionVisitor
    {
        private readonly HashSet<ParameterExpression> _bound = [];

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            _bound.UnionWith(node.Parameters);
            return base.VisitLambda(node);
        }

        protected override Expression VisitParameter(ParameterExpression node) => _bound.Contains(node) ? node : Captured(node.Type);

        /// <summary>A value of the type as a closure would hold it; what it is does not matter, as the query is never sent.</summary>
        private static MemberExpression Captured(Type type)
        {
            var box = Activator.CreateInstance(typeof(System.Runtime.CompilerServices.StrongBox<>).MakeGenericType(type),
                type == typeof(string) ? "" : type.IsValueType ? Activator.CreateInstance(type) : null)!;
            return Expression.Field(Expression.Constant(box), "Value");
        }

        protected override Expression VisitExtension(Expression node) => node switch
        {
            EntityQueryRootExpression root => RootOf(root.EntityType.ClrType),
            // A compiled query's argument, as EF 10 leaves it in the body it compiles.
            QueryParameterExpression argument => Captured(argument.Type),
            _ => base.VisitExtension(node),
        };

        protected override Expression VisitMember(MemberExpression node)
        {
            // `db.Participations` inside a lambda: EF inlines the set; here it is the SQL Server context's (the SQLite one is gone).
            if (node.Expression is { } owner && typeof(DbContext).IsAssignableFrom(owner.Type) &&
                node.Type.IsGenericType && node.Type.GetGenericTypeDefinition() == typeof(DbSet<>))
                return RootOf(node.Type.GetGenericArguments()[0]);
            // A query kept in a variable and used inside a lambda: its expression, on SQL Server's sets.
            if (typeof(IQueryable).IsAssignableFrom(node.Type) && !Parameters.In(node) &&
                Expression.Lambda<Func<object?>>(Expression.Convert(node, typeof(object))).Compile()() is IQueryable captured)
                return Visit(captured.Expression);
            return base.VisitMember(node);
        }

        private Expression RootOf(Type clr) =>
            ((IQueryable)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(clr).Invoke(target, null)!).Expression;
    }

    private sealed class Parameters : ExpressionVisitor
    {
        private bool _found;

        public static bool In(Expression expression)
        {
            var visitor = new Parameters();
            visitor.Visit(expression);
            return visitor._found;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            _found = true;
            return node;
        }
    }

    private sealed class Captured : Exception;

    /// <summary>Never lets the connection open; keeps the command's text and stops it there.</summary>
    private sealed class Capture : DbCommandInterceptor, IDbConnectionInterceptor
    {
        public string? Sql { get; set; }

        public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();

        public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default) => ValueTask.FromResult(InterceptionResult.Suppress());

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
            throw Keep(command);

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
            throw Keep(command);

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
            throw Keep(command);

        private Captured Keep(DbCommand command)
        {
            Sql = command.CommandText;
            return new Captured();
        }
    }
}
