using Analytics.Reference;

namespace Analytics.Etl.Reading;

/// <summary>Settings for reading one file; the defaults are what docs/extracts.md promises suppliers.</summary>
public sealed class FeedReadOptions
{
    /// <summary>The defaults.</summary>
    public static FeedReadOptions Default { get; } = new();

    /// <summary>Text encoding of CSV files (JSON Lines are always UTF-8; workbooks carry their own).</summary>
    public ExtractEncoding Encoding { get; init; } = ExtractEncoding.Detect;

    /// <summary>
    /// The registry snapshot date when the file has no 数据日期 column (or a row leaves it blank). When null the date
    /// is taken from the file name (<c>…_YYYY-MM-DD.csv</c> or <c>…_YYYYMMDD.csv</c>).
    /// </summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>
    /// Longest row accepted, in characters (default 1 Mi). A longer data row is quarantined as <c>row_too_long</c>
    /// without being held in memory; a longer header refuses the file.
    /// </summary>
    public int MaxRowChars { get; init; } = 1 << 20;

    /// <summary>How many rows at the top of each sheet are searched for the header (title rows sit above it).</summary>
    public int HeaderSearchRows { get; init; } = 10;

    /// <summary>
    /// Judge duplicates of the key within the file (found in the one pass and settled at its end). When false, each
    /// row is judged alone and duplicates are left to the next stage.
    /// </summary>
    public bool DetectDuplicates { get; init; } = true;

    /// <summary>
    /// Read CSV and JSON Lines rows ahead on a background thread while the calling thread validates (two cores busy).
    /// Rows still reach the sink on the calling thread, in source order.
    /// </summary>
    public bool ReadAhead { get; init; } = true;

    /// <summary>
    /// How many threads validate one CSV or JSON Lines file (default: one per core). Above 1, a file of at least
    /// <see cref="MinChunkBytes"/> is split at proven record boundaries into chunks that are read, validated and
    /// appended in parallel, each to its own sink (<see cref="Contracts.IParallelFeedSink"/>); duplicates and counts are settled
    /// over the whole file at the end, so the rows, quarantine and counts equal a sequential read's. 1 is the
    /// sequential read (with <see cref="ReadAhead"/>). Workbooks are always read sequentially (a load reads several of a
    /// batch's at a time instead, one per thread: <see cref="FeedLoader.ReadsWhole"/>).
    /// </summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>The smallest chunk a parallel read makes (default 4 MiB): a smaller file is read sequentially.</summary>
    public long MinChunkBytes { get; init; } = 4L << 20;

    /// <summary>Chunks per thread in a parallel read (default 4), so a thread that finishes early takes another.</summary>
    public int ChunksPerThread { get; init; } = 4;

    /// <summary>In a parallel read, also read each chunk's rows ahead on a thread of its own (default off: the chunks already keep every core busy).</summary>
    public bool ChunkReadAhead { get; init; }

    /// <summary>Which sheets of a workbook to read (a source's <c>"sheets"</c> setting); every sheet by default.</summary>
    public SheetSelection Sheets { get; init; } = SheetSelection.All;

    /// <summary>Division table and industry codes used by validation.</summary>
    public ReferenceData Reference { get; init; } = ReferenceData.Default;

    /// <summary>Ceilings above which an amount is taken to be in 元 rather than 万元 (quarantined as <c>amount_unit_suspect</c>).</summary>
    public AmountCeilings AmountCeilings { get; init; } = new();
}

/// <summary>
/// Plausibility ceilings for amounts in 万元. An SME registry row with revenue above 10^7 万元 (100 billion yuan) is
/// almost certainly written in 元; so is revenue of more than 5·10^4 万元 (500 million yuan) per employee.
/// </summary>
public sealed record AmountCeilings
{
    /// <summary>Registry 营业收入 and 资产总额 ceiling, 万元.</summary>
    public decimal RegistryAmount { get; init; } = 10_000_000m;

    /// <summary>Registry revenue per employee ceiling, 万元 (checked when employees &gt; 0).</summary>
    public decimal RegistryRevenuePerEmployee { get; init; } = 50_000m;

    /// <summary>R&amp;D expense ceiling, 万元.</summary>
    public decimal RdExpense { get; init; } = 1_000_000m;

    /// <summary>
    /// R&amp;D expense per R&amp;D person ceiling, 万元 (checked when rd_personnel &gt; 0): typical figures are 20–100 万元 a
    /// head, so a whole row written in 元 lands far above 5,000 万元 even for small firms the absolute ceiling misses.
    /// </summary>
    public decimal RdExpensePerRdPerson { get; init; } = 5_000m;

    /// <summary>Main business and new product revenue ceiling in the R&amp;D feed, 万元.</summary>
    public decimal RdRevenue { get; init; } = 10_000_000m;
}
