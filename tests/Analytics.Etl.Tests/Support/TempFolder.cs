using System.Text;

namespace Analytics.Etl.Tests.Support;

/// <summary>A temporary folder for test files, deleted on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    static TempFolder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "etl-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public static Encoding Gbk => Encoding.GetEncoding(936);

    public static Encoding Utf8NoBom { get; } = new UTF8Encoding(false);

    public static Encoding Utf8Bom { get; } = new UTF8Encoding(true);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string WriteText(string name, string text, Encoding encoding)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, text, encoding);
        return path;
    }

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = File(name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
