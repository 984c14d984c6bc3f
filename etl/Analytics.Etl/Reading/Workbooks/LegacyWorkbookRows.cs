using System.Text;
using ExcelDataReader;

namespace Analytics.Etl.Reading.Workbooks;

/// <summary>Old .xls workbooks (BIFF in an OLE compound file), read through ExcelDataReader.</summary>
internal sealed class LegacyWorkbookRows : WorkbookRows
{
    private readonly FileStream stream;
    private readonly IExcelDataReader reader;
    private bool started;

    static LegacyWorkbookRows() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public LegacyWorkbookRows(string path)
    {
        stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            reader = ExcelReaderFactory.CreateReader(stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public override string SheetName => reader.Name;

    public override bool NextSheet()
    {
        RowNumber = 0;
        if (!started)
        {
            started = true;
            return true;
        }

        return reader.NextResult();
    }

    public override bool NextRow(Func<long, bool>? parse = null)
    {
        if (!reader.Read())
        {
            return false;
        }

        RowNumber++;
        ClearCells();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            SetCell(i, reader.GetValue(i) switch
            {
                null => WorkbookCell.Empty,
                string s => WorkbookCell.OfText(s),
                double x => WorkbookCell.OfNumber(x),
                DateTime d => WorkbookCell.OfDate(d),
                bool b => WorkbookCell.OfBoolean(b),
                IConvertible c => WorkbookCell.OfNumber(c.ToDouble(System.Globalization.CultureInfo.InvariantCulture)),
                var other => WorkbookCell.OfText(other.ToString() ?? ""),
            });
        }

        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            reader.Dispose();
            stream.Dispose();
        }
    }
}
