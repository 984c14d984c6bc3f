using System.Globalization;
using System.Text.RegularExpressions;

namespace Analytics.Snapshots.Worker;

/// <summary>
/// Holds a query to its temporary-disk budget: weighs the instance's spill folder every 100 ms and stops the query
/// (through its cancellation) once the folder is larger than the budget.
/// </summary>
/// <remarks>
/// DuckDB's own <c>max_temp_directory_size</c> is set too, but measured here (1.5.6) it does not hold: a sort of
/// 3 million 96-byte strings under <c>memory_limit=64MB</c> and a 16 MB budget spilled 329 MB. The watch may overshoot
/// by what a query writes in 100 ms; the folder is removed with the instance after every query.
/// </remarks>
internal sealed partial class TempWatch : IDisposable
{
    private readonly string _folder;
    private readonly long _budget;
    private readonly CancellationTokenSource _stop;
    private readonly Timer _timer;
    private volatile bool _exceeded;

    public TempWatch(string folder, string budget, CancellationTokenSource stop)
    {
        _folder = folder;
        _budget = Bytes(budget);
        _stop = stop;
        _timer = new Timer(_ => Weigh(), null, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));
    }

    /// <summary>Whether the budget was passed (and the query stopped for it).</summary>
    public bool Exceeded => _exceeded;

    /// <summary>DuckDB's size text (<c>256MB</c>, <c>1GiB</c>, <c>512 KB</c>) in bytes; decimal units are powers of 1000, binary ones of 1024.</summary>
    public static long Bytes(string size)
    {
        var match = Size().Match(size ?? "");
        if (!match.Success)
        {
            throw new ArgumentException($"'{size}' is not a size such as 256MB or 1GiB.", nameof(size));
        }

        var number = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var unit = match.Groups[2].Value.ToUpperInvariant();
        var factor = unit switch
        {
            "" or "B" => 1d,
            "KB" => 1e3,
            "MB" => 1e6,
            "GB" => 1e9,
            "TB" => 1e12,
            "KIB" => 1024d,
            "MIB" => 1024d * 1024,
            "GIB" => 1024d * 1024 * 1024,
            _ => 1024d * 1024 * 1024 * 1024,
        };
        return (long)(number * factor);
    }

    public void Dispose() => _timer.Dispose();

    private void Weigh()
    {
        if (_exceeded)
        {
            return;
        }

        long total = 0;
        try
        {
            foreach (var file in new DirectoryInfo(_folder).EnumerateFiles("*", SearchOption.AllDirectories))
            {
                total += file.Length;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file removed while it was weighed: the next tick weighs again.
            return;
        }

        if (total > _budget)
        {
            _exceeded = true;
            try
            {
                _stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    [GeneratedRegex(@"^\s*(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Size();
}
