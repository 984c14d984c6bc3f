using Analytics.DemoData.Dirt;

namespace Analytics.DemoData.Feeds;

/// <summary>Counts one file's rows and dirt, reports progress, and produces its manifest entry.</summary>
internal sealed class FileRecorder
{
    private const long ProgressEvery = 100_000;
    private readonly FeedContext _context;

    public FileRecorder(FeedContext context, string feed, string region, string relativePath)
    {
        _context = context;
        Feed = feed;
        Region = region;
        RelativePath = relativePath;
        FullPath = Path.Combine(context.Options.OutputDirectory, relativePath.Replace('/', Path.DirectorySeparatorChar));
    }

    public string Feed { get; }

    public string Region { get; }

    public string RelativePath { get; }

    public string FullPath { get; }

    public long Rows { get; private set; }

    public DirtTally Dirt { get; } = new();

    /// <summary>Counts a data row; checks for cancellation and reports progress now and then.</summary>
    public void Row()
    {
        Rows++;
        if (Rows % 4096 == 0)
        {
            _context.CancellationToken.ThrowIfCancellationRequested();
        }

        if (Rows % ProgressEvery == 0)
        {
            _context.Progress?.Report(new DemoProgress(Feed, Region, RelativePath, Rows, false));
        }
    }

    public DemoFileEntry Complete()
    {
        _context.Progress?.Report(new DemoProgress(Feed, Region, RelativePath, Rows, true));
        return new DemoFileEntry(RelativePath, Feed, Region, Rows, new FileInfo(FullPath).Length, Dirt.ToManifest());
    }
}
