namespace Analytics.Notebooks.Api;

/// <summary>A notebook parameter is missing, undeclared or malformed; the message says which and how to pass it.</summary>
public sealed class NotebookParameterException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    public NotebookParameterException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public NotebookParameterException()
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public NotebookParameterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
