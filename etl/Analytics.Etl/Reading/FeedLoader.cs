using Analytics.Etl.Contracts;
using Analytics.Etl.Validation;

namespace Analytics.Etl.Reading;

/// <summary>
/// Reads one extract file of a feed and hands each row to an <see cref="IFeedSink"/>: accepted rows typed in contract
/// order, every other row quarantined with its rule. Two passes when duplicates are detected (the default): a pre-scan
/// that reads only the keys (and finds any reason to refuse the file), then the main pass. The result's counts satisfy
/// rows read = accepted + quarantined + skipped blank.
/// </summary>
public static class FeedLoader
{
    /// <summary>
    /// Reads <paramref name="path"/> as feed <paramref name="kind"/>. The format comes from the extension (.csv/.txt,
    /// .xlsx/.xls, .jsonl/.ndjson/.json).
    /// </summary>
    /// <exception cref="ExtractRefusedException">
    /// The file cannot be read at all. With <see cref="FeedReadOptions.DetectDuplicates"/> on (the default) the sink has
    /// received nothing; otherwise discard what it received from this file.
    /// </exception>
    public static FeedLoadResult Read(FeedKind kind, string path, IFeedSink sink, FeedReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(sink);
        options ??= FeedReadOptions.Default;
        if (!File.Exists(path))
        {
            throw new ExtractRefusedException(path, "the file does not exist.");
        }

        var contract = FeedContracts.For(kind);
        var fallbackAsOf = kind == FeedKind.Registry ? options.AsOf ?? SnapshotDate.FromFileName(path) : null;
        var context = new ValidationContext(options, path, fallbackAsOf);
        var validator = CreateValidator(kind, context);
        var index = options.DetectDuplicates ? Prescan(kind, path, options, validator) : null;

        using var reader = Open(contract, path, options);
        using var rows = new RowStream(reader, options.ReadAhead);
        var record = new FeedRecord(contract) { SourceFile = path };
        var result = new FeedLoadResult { Kind = kind, SourceFile = path, Encoding = reader.EncodingName, AsOf = fallbackAsOf };
        while (rows.NextSection())
        {
            validator.OnSection(reader.Map);
            long sectionRows = 0;
            while (rows.Read(out var row))
            {
                result.RowsRead++;
                if (row.IsBlank)
                {
                    result.RowsSkippedBlank++;
                    continue;
                }

                sectionRows++;
                var values = new RowValues(row, reader.Map);
                var violation = Check(reader, row, values, validator, record);
                if (violation is null && index is not null)
                {
                    violation = JudgeDuplicate(index, row, record);
                }

                if (violation is not null)
                {
                    Quarantine(sink, result, row, reader.Map, violation);
                    continue;
                }

                record.RowNumber = row.RowNumber;
                record.Sheet = row.Sheet;
                sink.Accept(record);
                result.RowsAccepted++;
                var notes = record.Notes;
                for (var i = 0; i < notes.Count; i++)
                {
                    result.NotesByKind[notes[i].Kind] = result.NotesByKind.GetValueOrDefault(notes[i].Kind) + 1;
                }
            }

            if (sectionRows == 0 && reader.SectionName is { } sheet)
            {
                result.Warnings.Add($"sheet '{sheet}' has a header but no data rows.");
            }
        }

        if (result.RowsRead == result.RowsSkippedBlank)
        {
            throw new ExtractRefusedException(path, "the file has a header but no data rows.");
        }

        result.Warnings.InsertRange(0, reader.Warnings);
        return result;
    }

    /// <summary>The reader format for a file name.</summary>
    public static SourceFormat FormatOf(string path)
    {
        var extension = Path.GetExtension(path).ToUpperInvariant();
        return extension switch
        {
            ".CSV" or ".TXT" or ".TSV" => SourceFormat.Csv,
            ".XLSX" or ".XLS" or ".XLSM" => SourceFormat.Xlsx,
            ".JSONL" or ".NDJSON" or ".JSON" => SourceFormat.JsonLines,
            _ => throw new ExtractRefusedException(path, $"the extension '{extension}' is not a supported format (.csv, .xlsx, .jsonl)."),
        };
    }

    internal static SourceReader Open(FeedContract contract, string path, FeedReadOptions options) => FormatOf(path) switch
    {
        SourceFormat.Csv => new CsvSourceReader(path, contract, options),
        SourceFormat.Xlsx => new XlsxSourceReader(path, contract, options),
        _ => new JsonLinesSourceReader(path, contract, options),
    };

    private static FeedValidator CreateValidator(FeedKind kind, ValidationContext context) => kind switch
    {
        FeedKind.Registry => new RegistryValidator(context),
        FeedKind.Recognitions => new RecognitionsValidator(context),
        FeedKind.Patents => new PatentsValidator(context),
        FeedKind.RdSpend => new RdSpendValidator(context),
        FeedKind.Survey => new SurveyValidator(context),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    // Reads every key once; the whole file is decoded here, so encoding errors and header problems refuse it before
    // the sink sees a row.
    private static DuplicateIndex Prescan(FeedKind kind, string path, FeedReadOptions options, FeedValidator validator)
    {
        var index = new DuplicateIndex();
        var contract = FeedContracts.For(kind);
        using var reader = Open(contract, path, options);
        using var rows = new RowStream(reader, options.ReadAhead);
        var record = new FeedRecord(contract);
        long dataRows = 0;
        while (rows.NextSection())
        {
            validator.OnSection(reader.Map);
            while (rows.Read(out var row))
            {
                if (row.IsBlank)
                {
                    continue;
                }

                dataRows++;
                if (row.ProblemRule is not null || (reader.HasHeader && (TotalsRowRule.Matches(row) || HasExtraFields(row, reader.Map))))
                {
                    continue;
                }

                if (validator.TryReadKey(new RowValues(row, reader.Map), record))
                {
                    index.Observe(KeyHash.OfKey(record), KeyHash.OfContent(row, reader.Map), DuplicateIndex.Ref(row.SheetIndex, row.RowNumber));
                }
            }
        }

        if (dataRows == 0)
        {
            throw new ExtractRefusedException(path, "the file has a header but no data rows.");
        }

        index.Seal();
        return index;
    }

    private static Violation? Check(SourceReader reader, SourceRow row, in RowValues values, FeedValidator validator, FeedRecord record)
    {
        if (row.ProblemRule is { } rule)
        {
            return new Violation(rule, -1, null, row.ProblemMessage ?? rule, "correct the row in the source and send the file again.");
        }

        if (reader.HasHeader)
        {
            if (TotalsRowRule.Matches(row))
            {
                return new Violation(RuleIds.TotalsRow, -1, row.Field(0).ToString(), "a totals row (合计/总计), not a record",
                    "nothing to do if intended; totals are computed by the warehouse. Leave them out of future extracts.");
            }

            if (HasExtraFields(row, reader.Map))
            {
                return new Violation(RuleIds.FieldCountMismatch, -1, null,
                    $"the row has {row.FieldCount} fields but the header has {reader.Map.ColumnCount}",
                    "quote fields that contain the delimiter (\"…,…\") and send the file again.");
            }
        }

        Violation? violation = null;
        return validator.TryRead(values, record, ref violation) ? null : violation;
    }

    private static bool HasExtraFields(SourceRow row, ColumnMap map)
    {
        for (var i = map.ColumnCount; i < row.FieldCount; i++)
        {
            if (!Normalising.TextFolding.IsBlank(row.Field(i)))
            {
                return true;
            }
        }

        return false;
    }

    private static Violation? JudgeDuplicate(DuplicateIndex index, SourceRow row, FeedRecord record)
    {
        var verdict = index.Judge(KeyHash.OfKey(record), DuplicateIndex.Ref(row.SheetIndex, row.RowNumber), out var first, out var other, out var count);
        return verdict switch
        {
            DuplicateIndex.Verdict.Duplicate => new Violation(RuleIds.DuplicateRow, -1, DescribeKey(record),
                $"the same record as {Where(first, row)}, which is loaded", "nothing to do; leave repeated rows out of future extracts."),
            DuplicateIndex.Verdict.Conflict => new Violation(RuleIds.DuplicateKeyConflict, -1, DescribeKey(record),
                $"{count} rows share this key with different values (also {Where(other, row)}); none of them is loaded",
                "send one corrected row for the key."),
            _ => null,
        };
    }

    private static string Where(long rowRef, SourceRow current) =>
        current.Sheet is null || DuplicateIndex.SheetOf(rowRef) == current.SheetIndex
            ? $"row {DuplicateIndex.RowOf(rowRef)}"
            : $"row {DuplicateIndex.RowOf(rowRef)} of sheet #{DuplicateIndex.SheetOf(rowRef) + 1}";

    private static string DescribeKey(FeedRecord record) =>
        string.Join(", ", record.Contract.KeyFields.Select(f => $"{record.Contract.Fields[f].Name}={Format(record.GetValue(f))}"));

    private static string Format(object? value) => value switch
    {
        null => "null",
        DateOnly d => d.ToString("yyyy-MM-dd", null),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    private static void Quarantine(IFeedSink sink, FeedLoadResult result, SourceRow row, ColumnMap map, Violation violation)
    {
        var column = violation.Field >= 0 ? map.ColumnLabel(violation.Field) : null;
        var field = violation.Field >= 0 ? map.Contract.Fields[violation.Field].Name : null;
        var where = row.Sheet is null ? $"{result.SourceFile} row {row.RowNumber}" : $"{result.SourceFile} sheet '{row.Sheet}' row {row.RowNumber}";
        var columnPart = column is null ? "" : column == field ? $", column {field}" : $", column '{column}' ({field})";
        var valuePart = violation.Value is null ? "" : $" — value '{Clip(violation.Value)}'";
        var message = $"{where}{columnPart}: {violation.What}{valuePart}. {violation.Todo} [rule {violation.RuleId}]";
        sink.Quarantine(new Rejection(result.SourceFile, row.Sheet, row.RowNumber, row.RawText, violation.RuleId, column ?? field, violation.Value, message));
        result.RowsQuarantined++;
        result.QuarantinedByRule[violation.RuleId] = result.QuarantinedByRule.GetValueOrDefault(violation.RuleId) + 1;
    }

    private static string Clip(string value) => value.Length <= 200 ? value : string.Concat(value.AsSpan(0, 200), "…");
}
