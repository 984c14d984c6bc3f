using System.Globalization;
using System.Text;
using Analytics.DemoData;
using ExcelDataReader;

namespace Analytics.Etl.Benchmarks;

/// <summary>
/// Prepares, outside any timing, the files DuckDB reads for a feed's ceiling: the same rows, in a form its readers
/// take. The registry's GBK is transcoded to UTF-8 (DuckDB has no GBK decoder here — no encodings extension), and
/// the survey's workbooks are exported to CSV (DuckDB has no XLSX reader); patents and R&amp;D are read as generated.
/// </summary>
internal static class CeilingInputs
{
    /// <summary>The files to read and a note on what was done to them.</summary>
    public static (IReadOnlyList<string> Files, string Note) Prepare(string feed, string extracts, DemoManifest manifest, string folder)
    {
        var sources = manifest.Files.Where(f => f.Feed == feed).Select(f => Path.Combine(extracts, f.Path)).ToList();
        Directory.CreateDirectory(folder);
        return feed switch
        {
            "registry" => (sources.Select(s => Transcode(s, folder)).ToList(), "GBK → UTF-8 first (untimed)"),
            "survey" => (sources.Select(s => ExportCsv(s, folder)).ToList(), "XLSX → CSV first (untimed)"),
            "patents" => (sources, "read_json, VARCHAR columns"),
            _ => (sources, "read_csv as generated"),
        };
    }

    private static string Transcode(string source, string folder)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var target = Path.Combine(folder, Path.GetFileNameWithoutExtension(source) + ".utf8.csv");
        using var reader = new StreamReader(source, Encoding.GetEncoding(54936), detectEncodingFromByteOrderMarks: false, 1 << 20);
        using var writer = new StreamWriter(target, false, new UTF8Encoding(false), 1 << 20);
        var buffer = new char[1 << 20];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            writer.Write(buffer, 0, read);
        }

        return target;
    }

    /// <summary>Every sheet's rows below the title row as CSV, the header once.</summary>
    private static string ExportCsv(string workbook, string folder)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var target = Path.Combine(folder, Path.GetFileNameWithoutExtension(workbook) + ".csv");
        using var stream = File.OpenRead(workbook);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        using var writer = new StreamWriter(target, false, new UTF8Encoding(false), 1 << 20);
        var header = false;
        var line = new StringBuilder();
        do
        {
            var row = 0;
            while (reader.Read())
            {
                row++;
                if (row == 1 || (row == 2 && header))
                {
                    continue; // the title row, and the header again on a continuation sheet
                }

                header = true;
                line.Clear();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (i > 0)
                    {
                        line.Append(',');
                    }

                    line.Append(Csv(reader.GetValue(i)));
                }

                writer.WriteLine(line);
            }
        }
        while (reader.NextResult());

        return target;
    }

    private static string Csv(object? value)
    {
        var text = value switch
        {
            null => "",
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
