using System.Text;
using System.Text.Json;

namespace Analytics.Etl.Sources;

/// <summary>
/// Reads and appends the landing index, a JSON Lines file. Each entry is written with a single write and fsynced,
/// so a crash can leave at most one torn last line, which <see cref="RepairTornTail"/> removes.
/// </summary>
internal static class LandingIndexFile
{
    /// <summary>Every entry in file order; an empty list when the file does not exist.</summary>
    /// <exception cref="InvalidDataException">A line other than a torn last one is not an entry.</exception>
    public static List<LandingIndexEntry> Read(string path)
    {
        var entries = new List<LandingIndexEntry>();
        if (!File.Exists(path))
        {
            return entries;
        }

        var text = File.ReadAllText(path, Encoding.UTF8);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            // The last piece has no newline after it: a write that a crash interrupted. It is not an entry yet.
            var torn = i == lines.Length - 1;
            try
            {
                entries.Add(JsonSerializer.Deserialize(line, LandingJson.Entry)
                    ?? throw new JsonException("the line is null."));
            }
            catch (JsonException e) when (!torn)
            {
                throw new InvalidDataException(
                    $"The landing index {path} has a line that is not an entry at line {i + 1}: {e.Message} "
                    + "Restore the index from a backup, or delete the line and pull again (pull re-records landed files).", e);
            }
            catch (JsonException)
            {
            }
        }

        return entries;
    }

    /// <summary>Cuts a torn last line (one without its newline) off the file, so that the next append starts clean.</summary>
    public static void RepairTornTail(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        if (stream.Length == 0)
        {
            return;
        }

        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        var keep = Array.LastIndexOf(bytes, (byte)'\n') + 1;
        if (keep < bytes.Length)
        {
            stream.SetLength(keep);
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>Appends one entry as one line and fsyncs.</summary>
    public static void Append(string path, LandingIndexEntry entry)
    {
        var line = JsonSerializer.SerializeToUtf8Bytes(entry, LandingJson.Entry);
        var bytes = new byte[line.Length + 1];
        line.CopyTo(bytes, 0);
        bytes[^1] = (byte)'\n';
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }
}
