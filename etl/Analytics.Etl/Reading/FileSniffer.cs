namespace Analytics.Etl.Reading;

/// <summary>Recognises what a file's first bytes say it is, so a workbook named .csv is refused with a useful message.</summary>
internal static class FileSniffer
{
    /// <summary>A description of a known binary signature at the start of <paramref name="head"/>, or null.</summary>
    public static string? BinarySignature(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return "a ZIP archive (an .xlsx workbook is one)";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            return "an OLE compound file (an old .xls workbook is one)";
        }

        if (head.StartsWith("%PDF"u8))
        {
            return "a PDF document";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "an image";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]))
        {
            return "a gzip archive";
        }

        var nul = head.IndexOf((byte)0);
        return nul >= 0 ? $"binary data (a NUL byte at offset {nul})" : null;
    }

    /// <summary>True when <paramref name="head"/> starts like a workbook ExcelDataReader can open.</summary>
    public static bool LooksLikeWorkbook(ReadOnlySpan<byte> head) =>
        head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]);

    /// <summary>Reads up to <paramref name="count"/> bytes from the start of a file.</summary>
    public static byte[] ReadHead(string path, int count)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var buffer = new byte[Math.Min(count, Math.Max(0, (int)Math.Min(stream.Length, int.MaxValue)))];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = stream.Read(buffer, read, buffer.Length - read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return buffer.AsSpan(0, read).ToArray();
    }
}
