namespace Analytics.Cli;

/// <summary>A command cannot go on for a reason the user can fix; carries the exit code and a message saying what to do.</summary>
internal sealed class CliFailure(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
