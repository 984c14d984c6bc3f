using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Analytics.Etl.Reading.Workbooks;

/// <summary>
/// The parts of an .xlsx package a reader needs before the rows: the sheets in workbook order, the shared strings,
/// which cell styles are dates, and the date system.
/// </summary>
internal sealed class XlsxPackage
{
    private const string RelationshipsNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string DocumentRelationshipsNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private XlsxPackage(IReadOnlyList<(string Name, string Part)> sheets, string[] sharedStrings, bool[] dateStyles, bool date1904)
    {
        Sheets = sheets;
        SharedStrings = sharedStrings;
        DateStyles = dateStyles;
        Date1904 = date1904;
    }

    /// <summary>Each sheet's name and the path of its part in the ZIP archive, in workbook order.</summary>
    public IReadOnlyList<(string Name, string Part)> Sheets { get; }

    public string[] SharedStrings { get; }

    /// <summary>Per cell-format index (a cell's <c>s</c>): true when its number format is a date.</summary>
    public bool[] DateStyles { get; }

    /// <summary>True when serial 0 is 1904-01-01 (old Mac workbooks) rather than 1899-12-30.</summary>
    public bool Date1904 { get; }

    /// <summary>Reads the workbook, its relationships, shared strings and styles from <paramref name="zip"/>.</summary>
    public static XlsxPackage Read(ZipArchive zip)
    {
        var workbookPath = Targets(zip, "_rels/.rels", "").FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Target
            ?? throw new InvalidDataException("the package has no workbook part (no officeDocument relationship in _rels/.rels).");
        var folder = workbookPath.Contains('/', StringComparison.Ordinal) ? workbookPath[..(workbookPath.LastIndexOf('/') + 1)] : "";
        var relationships = Targets(zip, folder + "_rels/" + workbookPath[folder.Length..] + ".rels", folder);
        var byId = relationships.ToDictionary(r => r.Id, r => r.Target, StringComparer.Ordinal);

        var sheets = new List<(string, string)>();
        var date1904 = false;
        using (var reader = Xml(Entry(zip, workbookPath)))
        {
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.LocalName == "workbookPr")
                {
                    date1904 = reader.GetAttribute("date1904") is "1" or "true";
                }
                else if (reader.LocalName == "sheet")
                {
                    var name = reader.GetAttribute("name") ?? $"Sheet{sheets.Count + 1}";
                    var id = reader.GetAttribute("id", DocumentRelationshipsNs);
                    if (id is not null && byId.TryGetValue(id, out var part))
                    {
                        sheets.Add((name, part));
                    }
                }
            }
        }

        var sharedStrings = relationships.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Target is { } sst && zip.GetEntry(sst) is { } sstEntry
            ? ReadSharedStrings(sstEntry)
            : [];
        var dateStyles = relationships.FirstOrDefault(r => r.Type.EndsWith("/styles", StringComparison.Ordinal)).Target is { } styles && zip.GetEntry(styles) is { } stylesEntry
            ? ReadDateStyles(stylesEntry)
            : [];
        return new XlsxPackage(sheets, sharedStrings, dateStyles, date1904);
    }

    /// <summary>An XML reader for a part: no DTDs, no external resources.</summary>
    public static XmlReader Xml(ZipArchiveEntry entry) =>
        XmlReader.Create(entry.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true, CloseInput = true });

    public static ZipArchiveEntry Entry(ZipArchive zip, string path) =>
        zip.GetEntry(path) ?? throw new InvalidDataException($"the package has no part '{path}'.");

    /// <summary>Text of a string item (<c>si</c> or <c>is</c>): its <c>t</c> elements, rich-text runs included, phonetic runs left out.</summary>
    public static string ReadStringItem(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return "";
        }

        var depth = reader.Depth;
        string? single = null;
        System.Text.StringBuilder? many = null;
        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "rPh" or "phoneticPr")
            {
                reader.Skip();
                continue;
            }

            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t")
            {
                var text = reader.ReadElementContentAsString();
                if (single is null)
                {
                    single = text;
                }
                else
                {
                    (many ??= new System.Text.StringBuilder(single)).Append(text);
                }

                continue;
            }

            if (!reader.Read())
            {
                break;
            }
        }

        return many?.ToString() ?? single ?? "";
    }

    private static string[] ReadSharedStrings(ZipArchiveEntry entry)
    {
        var strings = new List<string>();
        using var reader = Xml(entry);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                strings.Add(ReadStringItem(reader));
            }
        }

        return [.. strings];
    }

    private static bool[] ReadDateStyles(ZipArchiveEntry entry)
    {
        var customDates = new HashSet<int>();
        var styles = new List<bool>();
        using var reader = Xml(entry);
        var inCellFormats = false;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs")
            {
                inCellFormats = false;
            }

            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (reader.LocalName)
            {
                case "numFmt" when Int(reader.GetAttribute("numFmtId")) is { } id && DateFormats.IsDateCode(reader.GetAttribute("formatCode") ?? ""):
                    customDates.Add(id);
                    break;
                case "cellXfs":
                    inCellFormats = !reader.IsEmptyElement;
                    break;
                case "xf" when inCellFormats:
                    var format = Int(reader.GetAttribute("numFmtId")) ?? 0;
                    styles.Add(DateFormats.IsBuiltInDate(format) || customDates.Contains(format));
                    break;
            }
        }

        return [.. styles];
    }

    private static int? Int(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The relationships in a .rels part, targets resolved to archive paths.</summary>
    private static List<(string Id, string Type, string Target)> Targets(ZipArchive zip, string relsPath, string baseFolder)
    {
        var list = new List<(string, string, string)>();
        if (zip.GetEntry(relsPath) is not { } entry)
        {
            return list;
        }

        using var reader = Xml(entry);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship" && reader.NamespaceURI == RelationshipsNs
                && reader.GetAttribute("TargetMode") != "External")
            {
                var target = reader.GetAttribute("Target") ?? "";
                list.Add((reader.GetAttribute("Id") ?? "", reader.GetAttribute("Type") ?? "", Resolve(baseFolder, target)));
            }
        }

        return list;
    }

    private static string Resolve(string baseFolder, string target)
    {
        var path = target.StartsWith('/') ? target[1..] : baseFolder + target;
        var parts = new List<string>();
        foreach (var part in Uri.UnescapeDataString(path).Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part is not "." and not "")
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }
}
