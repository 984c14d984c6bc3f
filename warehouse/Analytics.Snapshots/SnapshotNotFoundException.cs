namespace Analytics.Snapshots;

/// <summary>No published snapshot where one was expected: the folder has no <c>current.json</c>, or it names a missing file.</summary>
public sealed class SnapshotNotFoundException : Exception
{
    /// <summary>Creates the exception with a message that says where and what to do.</summary>
    public SnapshotNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public SnapshotNotFoundException()
        : this("No warehouse snapshot has been published. Run 'analytics build' (or 'analytics demo') first.")
    {
    }

    /// <summary>Creates the exception with a message and the error behind it.</summary>
    public SnapshotNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
