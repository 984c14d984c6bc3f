using System.Runtime.InteropServices;

namespace Analytics.DuckDb.Native;

/// <summary>DuckDB's logical type ids (<c>DUCKDB_TYPE</c> in duckdb.h).</summary>
public enum DuckDbType
{
#pragma warning disable CS1591 // the names are DuckDB's own
    Invalid = 0, Boolean = 1, TinyInt = 2, SmallInt = 3, Integer = 4, BigInt = 5, UTinyInt = 6, USmallInt = 7,
    UInteger = 8, UBigInt = 9, Float = 10, Double = 11, Timestamp = 12, Date = 13, Time = 14, Interval = 15,
    HugeInt = 16, VarChar = 17, Blob = 18, Decimal = 19, TimestampS = 20, TimestampMs = 21, TimestampNs = 22,
    Enum = 23, List = 24, Struct = 25, Map = 26, Uuid = 27, Union = 28, Bit = 29, TimeTz = 30, TimestampTz = 31,
    UHugeInt = 32, Array = 33, Any = 34, BigNum = 35, SqlNull = 36, StringLiteral = 37, IntegerLiteral = 38,
    TimeNs = 39, Geometry = 40, Variant = 41,
#pragma warning restore CS1591
}

/// <summary>DuckDB's error classes (<c>duckdb_error_type</c>), carried by <see cref="DuckDbException"/>.</summary>
public enum DuckDbErrorType
{
#pragma warning disable CS1591 // the names are DuckDB's own
    Invalid = 0, OutOfRange = 1, Conversion = 2, UnknownType = 3, Decimal = 4, MismatchType = 5, DivideByZero = 6,
    ObjectSize = 7, InvalidType = 8, Serialization = 9, Transaction = 10, NotImplemented = 11, Expression = 12,
    Catalog = 13, Parser = 14, Planner = 15, Scheduler = 16, Executor = 17, Constraint = 18, Index = 19, Stat = 20,
    Connection = 21, Syntax = 22, Settings = 23, Binder = 24, Network = 25, Optimizer = 26, NullPointer = 27, IO = 28,
    Interrupt = 29, Fatal = 30, Internal = 31, InvalidInput = 32, OutOfMemory = 33, Permission = 34,
    ParameterNotResolved = 35, ParameterNotAllowed = 36, Dependency = 37, Http = 38, MissingExtension = 39,
    Autoload = 40, Sequence = 41, InvalidConfiguration = 42,
#pragma warning restore CS1591
}

internal enum DuckDbState
{
    Success = 0,
    Error = 1,
}

internal enum DuckDbResultType
{
    Invalid = 0,
    ChangedRows = 1,
    Nothing = 2,
    QueryResult = 3,
}

/// <summary>The C struct <c>duckdb_result</c> (48 bytes); only passed by value to functions that take it so.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbResultStruct
{
    public ulong DeprecatedColumnCount;
    public ulong DeprecatedRowCount;
    public ulong DeprecatedRowsChanged;
    public nint DeprecatedColumns;
    public nint DeprecatedErrorMessage;
    public nint InternalData;
}

/// <summary><c>duckdb_string_t</c>: 16 bytes, inline when the length is at most 12.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct DuckDbStringStruct
{
    public uint Length;
    public fixed byte Prefix[4];
    public byte* Pointer;

    public const int InlineLength = 12;
}

/// <summary><c>duckdb_list_entry</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbListEntry
{
    public ulong Offset;
    public ulong Length;
}

/// <summary><c>duckdb_decimal</c>: width, scale and a 128-bit value.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbDecimalStruct
{
    public byte Width;
    public byte Scale;
    public ulong Lower;
    public long Upper;
}

/// <summary><c>duckdb_hugeint</c>: lower 64 bits, then signed upper 64 bits.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbHugeIntStruct
{
    public ulong Lower;
    public long Upper;
}

/// <summary><c>duckdb_interval</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbIntervalStruct
{
    public int Months;
    public int Days;
    public long Micros;
}
