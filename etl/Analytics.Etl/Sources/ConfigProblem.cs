namespace Analytics.Etl.Sources;

/// <summary>One thing wrong with a sources configuration: where it is, what is wrong, and what to do.</summary>
/// <param name="File">The configuration file.</param>
/// <param name="JsonPath">Where in the file, e.g. <c>$.sources[1].feed</c>; <c>$</c> for the whole document.</param>
/// <param name="Problem">What is wrong, quoting the offending value.</param>
/// <param name="Fix">What to do about it.</param>
/// <param name="Line">The 1-based line of a JSON syntax error, when known.</param>
public sealed record ConfigProblem(string File, string JsonPath, string Problem, string Fix, long? Line = null)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var where = Line is { } line ? $"{File}:{line} ({JsonPath})" : $"{File} ({JsonPath})";
        return $"{where}: {Problem} {Fix}";
    }
}
