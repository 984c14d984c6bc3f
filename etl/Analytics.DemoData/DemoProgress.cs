namespace Analytics.DemoData;

/// <summary>A progress report: rows written so far to one file, and whether the file is complete.</summary>
/// <param name="Feed">registry, recognitions, patents, rd_spend or survey.</param>
/// <param name="Region">cq, yy or pv.</param>
/// <param name="Path">The file's path relative to the output directory, with forward slashes.</param>
/// <param name="Rows">Data rows written so far.</param>
/// <param name="Completed">True on the file's last report.</param>
public sealed record DemoProgress(string Feed, string Region, string Path, long Rows, bool Completed);
