using System.Data.Common;

namespace ExecOps.Workflows.Storage;

/// <summary>Where a row class runs its SQL: a unit of work that writes, or a read scope that only reads.</summary>
public interface ISqlScope
{
    DateTimeOffset Now { get; }

    internal SqlDialect Dialect { get; }

    internal DbCommand Command(string sql, params (string Name, object? Value)[] parameters);
}
