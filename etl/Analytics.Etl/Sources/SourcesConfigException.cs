namespace Analytics.Etl.Sources;

/// <summary>
/// A sources configuration that cannot be used: unreadable, not JSON, or failing validation. Carries every problem
/// found, not just the first, so that one edit can fix them all.
/// </summary>
public sealed class SourcesConfigException : Exception
{
    /// <summary>Creates the exception from the problems found (at least one).</summary>
    public SourcesConfigException(IReadOnlyList<ConfigProblem> problems, Exception? innerException = null)
        : base(Describe(problems), innerException)
    {
        Problems = problems;
    }

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<ConfigProblem> Problems { get; }

    private static string Describe(IReadOnlyList<ConfigProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
        {
            throw new ArgumentException("A configuration error needs at least one problem.", nameof(problems));
        }

        var header = problems.Count == 1
            ? "The sources configuration has a problem:"
            : $"The sources configuration has {problems.Count} problems:";
        return header + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p));
    }
}
