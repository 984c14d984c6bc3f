using Apache.Arrow;

namespace Analytics.DuckDb.Execution;

/// <summary>An upper bound of the bytes a record batch takes in an IPC stream: its buffers padded to 8, plus its message.</summary>
internal static class BatchWeight
{
    public static long Estimate(RecordBatch batch)
    {
        long bytes = 256;
        foreach (var array in batch.Arrays)
        {
            bytes += Estimate(array.Data);
        }

        return bytes;
    }

    private static long Estimate(ArrayData data)
    {
        long bytes = 16;
        foreach (var buffer in data.Buffers ?? [])
        {
            bytes += 16 + ((buffer.Length + 7L) & ~7L);
        }

        foreach (var child in data.Children ?? [])
        {
            bytes += Estimate(child);
        }

        return data.Dictionary is null ? bytes : bytes + Estimate(data.Dictionary);
    }
}
