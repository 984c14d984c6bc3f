using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using Analytics.DuckDb.Native;

namespace Analytics.DuckDb.Reading;

/// <summary>
/// Reads one column of a result straight from DuckDB's vectors: created once per result from the column's logical type,
/// pointed at the column's vector for each data chunk (<see cref="Reset"/>), then read row by row through typed getters
/// that do not box. A getter the column's type does not support throws <see cref="InvalidCastException"/>.
/// </summary>
internal abstract unsafe class ColumnReader
{
    protected void* Data;
    private ulong* _validity;

    protected ColumnReader(DuckDbType type, string typeName)
    {
        DuckDbType = type;
        TypeName = typeName;
    }

    /// <summary>DuckDB's type id of the column.</summary>
    public DuckDbType DuckDbType { get; }

    /// <summary>DuckDB's SQL name of the type, e.g. <c>DECIMAL(18,2)</c> or <c>INTEGER[]</c>.</summary>
    public string TypeName { get; }

    /// <summary>The CLR type <see cref="GetValue"/> returns.</summary>
    public abstract Type FieldType { get; }

    /// <summary>Points the reader at a new vector (the same column of the next chunk).</summary>
    public virtual void Reset(nint vector)
    {
        Data = NativeMethods.duckdb_vector_get_data(vector);
        _validity = NativeMethods.duckdb_vector_get_validity(vector);
    }

    /// <summary>True when the row holds a value; DuckDB gives no validity mask when a vector has no NULLs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsValid(ulong row) => _validity == null || (_validity[row >> 6] & (1UL << (int)(row & 63))) != 0;

    /// <summary>The value boxed as <see cref="FieldType"/>; the caller has checked <see cref="IsValid"/>.</summary>
    public abstract object GetValue(ulong row);

    public virtual bool GetBoolean(ulong row) => throw CannotRead(typeof(bool));

    public virtual byte GetByte(ulong row) => throw CannotRead(typeof(byte));

    public virtual short GetInt16(ulong row) => throw CannotRead(typeof(short));

    public virtual int GetInt32(ulong row) => throw CannotRead(typeof(int));

    public virtual long GetInt64(ulong row) => throw CannotRead(typeof(long));

    public virtual float GetFloat(ulong row) => throw CannotRead(typeof(float));

    public virtual double GetDouble(ulong row) => throw CannotRead(typeof(double));

    public virtual decimal GetDecimal(ulong row) => throw CannotRead(typeof(decimal));

    public virtual string GetString(ulong row) => throw CannotRead(typeof(string));

    public virtual DateTime GetDateTime(ulong row) => throw CannotRead(typeof(DateTime));

    public virtual Guid GetGuid(ulong row) => throw CannotRead(typeof(Guid));

    /// <summary>Raw bytes of a BLOB or VARCHAR value (no copy); other types throw.</summary>
    public virtual ReadOnlySpan<byte> GetBytes(ulong row) => throw CannotRead(typeof(byte[]));

    /// <summary>
    /// The slow path of <see cref="DuckDbDataReader.GetFieldValue{T}"/> for types without a dedicated getter: the boxed
    /// value when it already is a <typeparamref name="T"/>, else a conversion.
    /// </summary>
    public virtual T GetFieldValue<T>(ulong row)
    {
        var value = GetValue(row);
        if (value is T typed)
        {
            return typed;
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        try
        {
            if (ValueConversion.TryConvert(value, target, out var converted))
            {
                return (T)converted!;
            }
        }
        catch (Exception ex) when (ex is OverflowException or FormatException)
        {
            throw new InvalidCastException($"The {TypeName} value '{value}' does not fit {typeof(T).Name}: {ex.Message}", ex);
        }

        throw CannotRead(typeof(T));
    }

    protected InvalidCastException CannotRead(Type target) =>
        new($"A {TypeName} column cannot be read as {target.Name}.");
}

/// <summary>Conversions for <see cref="ColumnReader.GetFieldValue{T}"/> beyond a plain cast.</summary>
internal static class ValueConversion
{
    public static bool TryConvert(object value, Type target, out object? converted)
    {
        converted = null;
        switch (value)
        {
            case DateOnly date when target == typeof(DateTime):
                converted = date.ToDateTime(TimeOnly.MinValue);
                return true;
            case DateTime dateTime when target == typeof(DateOnly):
                converted = DateOnly.FromDateTime(dateTime);
                return true;
            case DateTime dateTime when target == typeof(DateTimeOffset):
                converted = dateTime.Kind == DateTimeKind.Utc ? new DateTimeOffset(dateTime) : new DateTimeOffset(dateTime, TimeSpan.Zero);
                return true;
            case TimeOnly time when target == typeof(TimeSpan):
                converted = time.ToTimeSpan();
                return true;
            case DuckDbInterval interval when target == typeof(TimeSpan):
                converted = interval.ToTimeSpan();
                return true;
            case IList list when target.IsArray || (target.IsGenericType && typeof(IEnumerable).IsAssignableFrom(target)):
                converted = ConvertList(list, target);
                return true;
            case IConvertible when typeof(IConvertible).IsAssignableFrom(target) && target != typeof(string):
                converted = Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
                return true;
            default:
                return false;
        }
    }

    private static object ConvertList(IList source, Type target)
    {
        var element = target.IsArray ? target.GetElementType()! : target.GetGenericArguments()[0];
        var listType = typeof(List<>).MakeGenericType(element);
        var list = (IList)Activator.CreateInstance(listType, source.Count)!;
        var underlying = Nullable.GetUnderlyingType(element) ?? element;
        foreach (var item in source)
        {
            if (item is null)
            {
                if (element.IsValueType && Nullable.GetUnderlyingType(element) is null)
                {
                    throw new InvalidCastException($"The list holds a NULL, which {element.Name} cannot hold; read it as {element.Name}? instead.");
                }

                list.Add(null);
            }
            else if (underlying.IsInstanceOfType(item))
            {
                list.Add(item);
            }
            else if (TryConvert(item, underlying, out var converted))
            {
                list.Add(converted);
            }
            else
            {
                throw new InvalidCastException($"A list element of type {item.GetType().Name} cannot be read as {element.Name}.");
            }
        }

        if (target.IsArray)
        {
            var array = Array.CreateInstance(element, list.Count);
            list.CopyTo(array, 0);
            return array;
        }

        return list;
    }
}
