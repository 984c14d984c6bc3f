namespace Analytics.Etl.Reading;

/// <summary>
/// A file that cannot be read at all and is refused as a whole: empty, header only, a required column missing, the
/// wrong encoding, not a workbook, binary content, an oversized header. A refusal can come part-way through a file (an
/// encoding error found late): whatever the sink received from the file must be discarded, and the rest of the batch
/// should not be published (the lake loader drops the whole batch).
/// Row-level problems are never refusals: they become quarantined rows.
/// </summary>
public sealed class ExtractRefusedException : Exception
{
    /// <summary>Creates a refusal.</summary>
    public ExtractRefusedException(string filePath, string reason)
        : base($"{filePath}: refused — {reason}")
    {
        FilePath = filePath;
        Reason = reason;
    }

    /// <summary>Creates a refusal caused by another exception (a workbook library's error, an I/O error).</summary>
    public ExtractRefusedException(string filePath, string reason, Exception innerException)
        : base($"{filePath}: refused — {reason}", innerException)
    {
        FilePath = filePath;
        Reason = reason;
    }

    /// <summary>Creates a refusal without details (serialisation and tooling).</summary>
    public ExtractRefusedException()
        : this("", "unknown reason")
    {
    }

    /// <summary>Creates a refusal with a message only.</summary>
    public ExtractRefusedException(string message)
        : this("", message)
    {
    }

    /// <summary>The file refused.</summary>
    public string FilePath { get; }

    /// <summary>What is wrong and what to do, without the path.</summary>
    public string Reason { get; }
}
