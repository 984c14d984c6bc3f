using Analytics.DuckDb.Native;

namespace Analytics.DuckDb.Execution;

/// <summary>
/// The statements of one command text, split by DuckDB's own parser and prepared one at a time just before each runs
/// (a later statement may use a table an earlier one creates). Parameters are bound by name (<c>$name</c>) or position
/// (<c>$1</c>, <c>?</c>); every statement sees the same parameters.
/// </summary>
internal sealed unsafe class StatementBatch : IDisposable
{
    private readonly ConnectionHandle _connection;
    private readonly ExtractedStatementsHandle? _extracted;
    private readonly PreparedStatementHandle? _cached;
    private readonly DuckDbParameterCollection _parameters;
    private readonly ExecutionScope _scope;
    private readonly HashSet<DuckDbParameter> _used = [];
    private int _next;

    public StatementBatch(ConnectionHandle connection, string text, DuckDbParameterCollection parameters, ExecutionScope scope)
    {
        _connection = connection;
        _parameters = parameters;
        _scope = scope;
        _extracted = new ExtractedStatementsHandle();
        var count = NativeMethods.duckdb_extract_statements(connection.DangerousGetHandle(), text, out var extracted);
        _extracted.Attach(extracted, connection);
        if (count == 0)
        {
            var error = Utf8.FromPointer(NativeMethods.duckdb_extract_statements_error(extracted));
            _extracted.Dispose();
            if (error is null)
            {
                throw new ArgumentException("The command text holds no SQL statement.");
            }

            throw new DuckDbException(error, ErrorMessages.ClassOf(error));
        }

        Count = (int)count;
    }

    /// <summary>
    /// Runs a statement the command prepared on an earlier execution of the same text (it stays the command's).
    /// </summary>
    public StatementBatch(ConnectionHandle connection, PreparedStatementHandle cached, DuckDbParameterCollection parameters, ExecutionScope scope)
    {
        _connection = connection;
        _parameters = parameters;
        _scope = scope;
        _cached = cached;
        Count = 1;
    }

    public int Count { get; }

    /// <summary>
    /// Called with the prepared statement of a single-statement text once it is prepared: the command keeps it and
    /// runs the same text again without parsing and planning it anew.
    /// </summary>
    public Action<PreparedStatementHandle>? Keep { get; init; }

    public bool HasNext => _next < Count;

    /// <summary>Prepares, binds and runs the next statement; its result streams from DuckDB as it is read.</summary>
    public StatementResult ExecuteNext()
    {
        var index = _next++;
        PreparedStatementHandle prepared;
        var owned = true;
        if (_cached is not null)
        {
            prepared = _cached;
            owned = false;
            NativeMethods.duckdb_clear_bindings(prepared.DangerousGetHandle());
        }
        else
        {
            prepared = Prepare(index);
            if (Count == 1 && Keep is not null)
            {
                Keep(prepared);
                owned = false;
            }
        }

        try
        {
            Bind(prepared.DangerousGetHandle());
            if (!HasNext)
            {
                CheckAllParametersUsed();
            }

            var result = Execute(prepared.DangerousGetHandle());
            return new StatementResult(owned ? prepared : null, result, _scope);
        }
        catch
        {
            if (owned)
            {
                prepared.Dispose();
            }

            throw;
        }
    }

    public void Dispose() => _extracted?.Dispose();

    private PreparedStatementHandle Prepare(int index)
    {
        var state = NativeMethods.duckdb_prepare_extracted_statement(
            _connection.DangerousGetHandle(), _extracted!.DangerousGetHandle(), (ulong)index, out var pointer);
        var prepared = new PreparedStatementHandle();
        prepared.Attach(pointer, _connection);
        if (state != DuckDbState.Success)
        {
            var error = Utf8.FromPointer(NativeMethods.duckdb_prepare_error(pointer)) ?? "DuckDB could not prepare the statement.";
            prepared.Dispose();
            throw _scope.Failure(error, ErrorMessages.ClassOf(error));
        }

        return prepared;
    }

    private void Bind(nint prepared)
    {
        var count = NativeMethods.duckdb_nparams(prepared);
        for (var i = 1ul; i <= count; i++)
        {
            var name = Utf8.FromOwnedPointer(NativeMethods.duckdb_parameter_name(prepared, i)) ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var parameter = _parameters.Resolve(name)
                ?? throw new InvalidOperationException(
                    $"The command uses parameter ${name}, but no parameter with that name or position was given. " +
                    $"Add it to Parameters (name '{name}'{(IsPosition(name) ? " or as the parameter at position " + name : "")}).");
            _used.Add(parameter);
            var value = ParameterValues.Create(parameter.Value, parameter.ParameterName);
            try
            {
                if (NativeMethods.duckdb_bind_value(prepared, i, value) != DuckDbState.Success)
                {
                    var error = Utf8.FromPointer(NativeMethods.duckdb_prepare_error(prepared));
                    throw new DuckDbException(
                        $"Parameter ${name} could not take the value '{parameter.Value}' ({parameter.Value?.GetType().Name ?? "null"}): {error}",
                        DuckDbErrorType.MismatchType);
                }
            }
            finally
            {
                NativeMethods.duckdb_destroy_value(ref value);
            }
        }
    }

    private static bool IsPosition(string name) => name.All(char.IsAsciiDigit);

    private void CheckAllParametersUsed()
    {
        foreach (DuckDbParameter parameter in _parameters)
        {
            if (!_used.Contains(parameter))
            {
                throw new InvalidOperationException(
                    $"Parameter '{parameter.ParameterName}' is not used by the command text. Remove it, or refer to it as ${parameter.ParameterName.TrimStart('$', '@', ':')} in the SQL.");
            }
        }
    }

    private ResultHandle Execute(nint prepared)
    {
        var state = NativeMethods.duckdb_pending_prepared_streaming(prepared, out var pending);
        try
        {
            if (state != DuckDbState.Success)
            {
                var error = Utf8.FromPointer(NativeMethods.duckdb_pending_error(pending)) ?? "DuckDB could not start the statement.";
                throw _scope.Failure(error, ErrorMessages.ClassOf(error));
            }

            _scope.InterruptIfRequested();   // the query has begun: an interrupt sent during its preparation was cleared
            var result = ResultHandle.Allocate(_connection);
            if (NativeMethods.duckdb_execute_pending(pending, result.Pointer) != DuckDbState.Success)
            {
                try
                {
                    var error = Utf8.FromPointer(NativeMethods.duckdb_result_error(result.Pointer)) ?? "DuckDB could not run the statement.";
                    var type = NativeMethods.duckdb_result_error_type(result.Pointer);
                    throw _scope.Failure(error, type);
                }
                finally
                {
                    result.Dispose();
                }
            }

            return result;
        }
        finally
        {
            NativeMethods.duckdb_destroy_pending(ref pending);
        }
    }
}
