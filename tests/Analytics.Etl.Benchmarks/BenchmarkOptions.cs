using System.Globalization;

namespace Analytics.Etl.Benchmarks;

/// <summary>The command line: the orchestrating run, or one measurement in a child process.</summary>
internal sealed record BenchmarkOptions
{
    public const string Usage = """
        Analytics.Etl.Benchmarks — province-scale load benchmark (issue 3). Prints figures; asserts nothing.

          dotnet run -c Release --project tests/Analytics.Etl.Benchmarks -- [options]

          --scale K         province scale: K × (5 M registry rows, 20 M patents, 25 M R&D rows, 2.5 M survey rows);
                            default 1, e.g. 0.1 for a quick run
          --reuse DIR       load the extracts already generated in DIR (its manifest.json) instead of generating
          --work DIR        where extracts, lakes and ceiling files go (default: <temp>/etl-bench-<K>); lakes and
                            ceiling files are deleted afterwards, generated extracts are kept for --reuse
          --feeds LIST      comma-separated subset of registry,patents,rd_spend,survey (default: all four)
          --memory-limit M  DuckDB memory limit while staging (default 2GB, as the loader's default)
          --parallel LIST   validating threads per file (and workbooks read at a time) to measure, e.g. 1,2
                            (default: 1 and the core count);
                            1 is the sequential read, the core count is what `analytics load` uses
          --repeat R        load each feed R times per setting (default 1), interleaved; every run is printed
          -h, --help        this text

        Each feed is loaded in its own child process into its own lake (new LakeLoader(...).Load with the
        analytics command's reader), so its seconds and peak memory (VmHWM) are its own. The ceiling is
        DuckDB's COPY (SELECT * FROM read_csv/read_json(...)) TO parquet (zstd) over the same rows, also in a child.
        """;

    /// <summary>The four streamed province feeds, in the order they are run.</summary>
    public static readonly string[] AllFeeds = ["registry", "patents", "rd_spend", "survey"];

    public double Scale { get; init; } = 1;

    public string? Reuse { get; init; }

    public string? Work { get; init; }

    public IReadOnlyList<string> Feeds { get; init; } = AllFeeds;

    public string MemoryLimit { get; init; } = new Analytics.Lake.LakeLoadOptions().MemoryLimit;

    public bool Help { get; init; }

    public IReadOnlyList<int> Parallel { get; init; } = Environment.ProcessorCount > 1 ? [1, Environment.ProcessorCount] : [1];

    public int Repeat { get; init; } = 1;

    /// <summary>Child mode: validating threads per file.</summary>
    public int ChildParallel { get; init; } = Environment.ProcessorCount;

    /// <summary>Child mode: load this feed (<c>--load-feed</c>) or run its ceiling (<c>--ceiling-feed</c>).</summary>
    public string? ChildFeed { get; init; }

    public bool ChildIsCeiling { get; init; }

    /// <summary>Child mode: the extracts folder, or the prepared ceiling inputs.</summary>
    public string? ChildInput { get; init; }

    /// <summary>Child mode: the lake (load) or the Parquet target folder (ceiling).</summary>
    public string? ChildOutput { get; init; }

    public string WorkDirectory => Work ?? Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"etl-bench-{Scale}"));

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--scale" => options with { Scale = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--reuse" => options with { Reuse = Value() },
                "--work" => options with { Work = Value() },
                "--feeds" => options with { Feeds = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--memory-limit" => options with { MemoryLimit = Value() },
                "--parallel" => options with { Parallel = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToList() },
                "--repeat" => options with { Repeat = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--threads" => options with { ChildParallel = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "-h" or "--help" or "-help" => options with { Help = true },
                "--load-feed" => options with { ChildFeed = Value() },
                "--ceiling-feed" => options with { ChildFeed = Value(), ChildIsCeiling = true },
                "--input" => options with { ChildInput = Value() },
                "--output" => options with { ChildOutput = Value() },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. Run with --help."),
            };
        }

        if (!(options.Scale > 0 && options.Scale <= 20))
        {
            throw new ArgumentException("--scale must be in (0, 20].");
        }

        if (options.Parallel.Count == 0 || options.Parallel.Any(p => p < 1) || options.Repeat < 1)
        {
            throw new ArgumentException("--parallel takes thread counts ≥ 1, --repeat a count ≥ 1.");
        }

        var unknown = options.Feeds.Except(AllFeeds).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown feed(s) {string.Join(", ", unknown)}: use {string.Join(",", AllFeeds)}.");
        }

        return options;
    }
}
