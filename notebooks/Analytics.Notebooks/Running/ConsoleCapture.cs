using System.Text;

namespace Analytics.Notebooks.Running;

/// <summary>
/// Routes <see cref="Console.Out"/> to the running cell's buffer. The buffer is an <see cref="AsyncLocal{T}"/>, so
/// runs on other threads (parallel tests) keep their own output and everything else reaches the real console.
/// </summary>
internal sealed class ConsoleCapture : TextWriter
{
    private static readonly AsyncLocal<StringBuilder?> Buffer = new();
    private static readonly Lock Gate = new();
    private static ConsoleCapture? _installed;
    private readonly TextWriter _original;

    private ConsoleCapture(TextWriter original) => _original = original;

    public override Encoding Encoding => _original.Encoding;

    /// <summary>Starts capturing this async flow's console output; dispose the result to stop and read it.</summary>
    public static Scope Begin()
    {
        lock (Gate)
        {
            if (_installed is null || !ReferenceEquals(Console.Out, _installed))
            {
                _installed = new ConsoleCapture(Console.Out);
                Console.SetOut(_installed);
            }
        }

        var buffer = new StringBuilder();
        Buffer.Value = buffer;
        return new Scope(buffer);
    }

    public override void Write(char value)
    {
        if (Buffer.Value is { } b)
        {
            lock (b)
            {
                b.Append(value);
            }
        }
        else
        {
            _original.Write(value);
        }
    }

    public override void Write(string? value)
    {
        if (Buffer.Value is { } b)
        {
            lock (b)
            {
                b.Append(value);
            }
        }
        else
        {
            _original.Write(value);
        }
    }

    /// <summary>A capture in progress.</summary>
    internal sealed class Scope(StringBuilder buffer) : IDisposable
    {
        public string Text
        {
            get
            {
                lock (buffer)
                {
                    return buffer.ToString();
                }
            }
        }

        public void Dispose() => Buffer.Value = null;
    }
}
