using System.Runtime.InteropServices;

namespace Analytics.DuckDb.Native;

/// <summary>
/// A DuckDB object owned by .NET. A child (a connection of a database, a result of a connection) holds a reference on
/// its parent, so the native objects are destroyed children first whatever order the managed objects are disposed in.
/// </summary>
internal abstract class DuckDbHandle : SafeHandle
{
    private SafeHandle? _parent;

    protected DuckDbHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>Takes ownership of a native pointer and keeps <paramref name="parent"/> alive until this handle is released.</summary>
    public void Attach(nint pointer, SafeHandle? parent)
    {
        if (pointer != 0 && parent is not null)
        {
            var added = false;
            parent.DangerousAddRef(ref added);
            _parent = parent;
        }

        SetHandle(pointer);
    }

    protected override bool ReleaseHandle()
    {
        try
        {
            Destroy(handle);
        }
        finally
        {
            _parent?.DangerousRelease();
            _parent = null;
        }

        return true;
    }

    protected abstract void Destroy(nint pointer);
}

internal sealed class DatabaseHandle : DuckDbHandle
{
    /// <summary>Called once the native database is closed (the registry forgets the file then).</summary>
    public Action? Released { get; set; }

    protected override void Destroy(nint pointer)
    {
        NativeMethods.duckdb_close(ref pointer);
        Released?.Invoke();
    }
}

internal sealed class ConnectionHandle : DuckDbHandle
{
    protected override void Destroy(nint pointer) => NativeMethods.duckdb_disconnect(ref pointer);
}

internal sealed class ExtractedStatementsHandle : DuckDbHandle
{
    protected override void Destroy(nint pointer) => NativeMethods.duckdb_destroy_extracted(ref pointer);
}

internal sealed class PreparedStatementHandle : DuckDbHandle
{
    protected override void Destroy(nint pointer) => NativeMethods.duckdb_destroy_prepare(ref pointer);
}

internal sealed class LogicalTypeHandle : DuckDbHandle
{
    protected override void Destroy(nint pointer) => NativeMethods.duckdb_destroy_logical_type(ref pointer);
}

internal sealed class DataChunkHandle : DuckDbHandle
{
    protected override void Destroy(nint pointer) => NativeMethods.duckdb_destroy_data_chunk(ref pointer);
}

internal sealed class AppenderHandle : DuckDbHandle
{
    // Destroy also flushes; its status is ignored here because the appender reports flush errors itself before
    // disposal, and a failed appender must be released without throwing.
    protected override void Destroy(nint pointer) => NativeMethods.duckdb_appender_destroy(ref pointer);
}

/// <summary>A <c>duckdb_result</c>: the 48-byte struct lives in native memory owned by this handle.</summary>
internal sealed unsafe class ResultHandle : DuckDbHandle
{
    public static ResultHandle Allocate(SafeHandle parent)
    {
        var result = new ResultHandle();
        result.Attach((nint)NativeMemory.AllocZeroed((nuint)sizeof(DuckDbResultStruct)), parent);
        return result;
    }

    public DuckDbResultStruct* Pointer => (DuckDbResultStruct*)handle;

    protected override void Destroy(nint pointer)
    {
        var result = (DuckDbResultStruct*)pointer;
        if (result->InternalData != 0)
        {
            NativeMethods.duckdb_destroy_result(result);
        }

        NativeMemory.Free(result);
    }
}
