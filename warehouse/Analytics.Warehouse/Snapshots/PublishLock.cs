namespace Analytics.Warehouse.Snapshots;

/// <summary>
/// One publisher per snapshot folder: an exclusively opened <c>.publish.lock</c> (an advisory <c>flock</c> on Unix, a
/// share-mode lock on Windows), released when the process ends, even by a crash.
/// </summary>
internal sealed class PublishLock : IDisposable
{
    private readonly FileStream _stream;

    private PublishLock(FileStream stream) => _stream = stream;

    public static PublishLock Acquire(string folder)
    {
        var path = Path.Combine(folder, ".publish.lock");
        try
        {
            return new PublishLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex)
        {
            throw new IOException(
                $"Another build is publishing into '{folder}' (it holds '{path}'). Wait for it to finish and run 'analytics build' again.", ex);
        }
    }

    public void Dispose() => _stream.Dispose();
}
