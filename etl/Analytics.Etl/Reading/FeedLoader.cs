using Analytics.Etl.Contracts;
using Analytics.Etl.Validation;

namespace Analytics.Etl.Reading;

/// <summary>
/// Reads one extract file of a feed and hands each row to an <see cref="IFeedSink"/>: accepted rows typed in contract
/// order, every other row quarantined with its rule. One pass: duplicates are found as the rows go by (see
/// <see cref="DuplicateIndex"/>) and settled at the end of the file — later copies quarantined, and the first row of a
/// conflicting key withdrawn from the sink (its raw text is read back from the file, the only second look, and only
/// when the file has conflicts). The result's counts satisfy rows read = accepted + quarantined + skipped blank.
/// </summary>
public static class FeedLoader
{
    /// <summary>
    /// Reads <paramref name="path"/> as feed <paramref name="kind"/>. The format comes from the extension (.csv/.txt,
    /// .xlsx/.xls, .jsonl/.ndjson/.json).
    /// </summary>
    /// <exception cref="ExtractRefusedException">
    /// The file cannot be read at all (found before the first row or part-way through): discard what the sink received
    /// from this file.
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
        var index = options.DetectDuplicates ? new DuplicateIndex() : null;

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
                if (violation is not null)
                {
                    Quarantine(sink, result, row, reader.Map, violation);
                    continue;
                }

                if (index is not null && !IsFirstOfKey(index, row, reader.Map, record, result.RowsAccepted))
                {
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
        if (index is { RepeatedKeys: > 0 })
        {
            SettleDuplicates(kind, path, options, index, sink, result);
        }

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

    // True for the first row with its key (loaded now); a later one is held until the end of the file.
    private static bool IsFirstOfKey(DuplicateIndex index, SourceRow row, ColumnMap map, FeedRecord record, long acceptedIndex)
    {
        var key = KeyHash.OfKey(record);
        var rowRef = DuplicateIndex.Ref(row.SheetIndex, row.RowNumber);
        if (index.Observe(key, KeyHash.OfContent(row, map), rowRef, acceptedIndex))
        {
            return true;
        }

        index.Hold(key, new DuplicateIndex.HeldRow(rowRef, row.Sheet, row.RowNumber, row.RawText, DescribeKey(record)));
        return false;
    }

    // Quarantines every held row, and withdraws the loaded first row of each conflicting key.
    private static void SettleDuplicates(FeedKind kind, string path, FeedReadOptions options, DuplicateIndex index, IFeedSink sink, FeedLoadResult result)
    {
        var conflicts = index.Repeats.Where(r => r.Verdict == DuplicateIndex.Verdict.Conflict).ToList();
        var firstRows = conflicts.Count == 0 ? [] : ReadBack(kind, path, options, conflicts.Select(c => c.First).ToHashSet());
        foreach (var repeat in conflicts.OrderBy(r => r.First))
        {
            var (sheet, raw) = firstRows[repeat.First];
            var violation = DuplicateViolation(repeat, repeat.First, sheet);
            sink.Withdraw(repeat.FirstAccepted, Rejection(result, sheet, DuplicateIndex.RowOf(repeat.First), raw, violation));
            result.RowsAccepted--;
            Count(result, violation);
        }

        foreach (var held in index.Repeats.SelectMany(r => r.Held.Select(h => (Repeat: r, Row: h))).OrderBy(x => x.Row.RowRef))
        {
            var violation = DuplicateViolation(held.Repeat, held.Row.RowRef, held.Row.Sheet);
            sink.Quarantine(Rejection(result, held.Row.Sheet, held.Row.RowNumber, held.Row.RawText, violation));
            Count(result, violation);
        }
    }

    // The sheet and raw text of the given rows, read again from the file.
    private static Dictionary<long, (string? Sheet, string Raw)> ReadBack(FeedKind kind, string path, FeedReadOptions options, HashSet<long> rowRefs)
    {
        var found = new Dictionary<long, (string?, string)>(rowRefs.Count);
        using var reader = Open(FeedContracts.For(kind), path, options);
        using var rows = new RowStream(reader, options.ReadAhead);
        while (found.Count < rowRefs.Count && rows.NextSection())
        {
            while (found.Count < rowRefs.Count && rows.Read(out var row))
            {
                var rowRef = DuplicateIndex.Ref(row.SheetIndex, row.RowNumber);
                if (rowRefs.Contains(rowRef))
                {
                    found[rowRef] = (row.Sheet, row.RawText);
                }
            }
        }

        if (found.Count < rowRefs.Count)
        {
            throw new ExtractRefusedException(path, "the file changed while it was being read (rows seen in the first pass are gone).");
        }

        return found;
    }

    private static Violation DuplicateViolation(DuplicateIndex.Repeat repeat, long rowRef, string? sheet) => repeat.Verdict switch
    {
        DuplicateIndex.Verdict.Duplicate => new Violation(RuleIds.DuplicateRow, -1, repeat.KeyText,
            $"the same record as {Where(repeat.First, rowRef, sheet)}, which is loaded", "nothing to do; leave repeated rows out of future extracts."),
        _ => new Violation(RuleIds.DuplicateKeyConflict, -1, repeat.KeyText,
            $"{repeat.Count} rows share this key with different values (also {Where(rowRef == repeat.First ? repeat.Second : repeat.First, rowRef, sheet)}); none of them is loaded",
            "send one corrected row for the key."),
    };

    private static string Where(long otherRef, long currentRef, string? currentSheet) =>
        currentSheet is null || DuplicateIndex.SheetOf(otherRef) == DuplicateIndex.SheetOf(currentRef)
            ? $"row {DuplicateIndex.RowOf(otherRef)}"
            : $"row {DuplicateIndex.RowOf(otherRef)} of sheet #{DuplicateIndex.SheetOf(otherRef) + 1}";

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
        sink.Quarantine(Rejection(result, row.Sheet, row.RowNumber, row.RawText, violation, column, field));
        Count(result, violation);
    }

    private static Rejection Rejection(
        FeedLoadResult result, string? sheet, long rowNumber, string raw, Violation violation, string? column = null, string? field = null)
    {
        var where = sheet is null ? $"{result.SourceFile} row {rowNumber}" : $"{result.SourceFile} sheet '{sheet}' row {rowNumber}";
        var columnPart = column is null ? "" : column == field ? $", column {field}" : $", column '{column}' ({field})";
        var valuePart = violation.Value is null ? "" : $" — value '{Clip(violation.Value)}'";
        var message = $"{where}{columnPart}: {violation.What}{valuePart}. {violation.Todo} [rule {violation.RuleId}]";
        return new Rejection(result.SourceFile, sheet, rowNumber, raw, violation.RuleId, column ?? field, violation.Value, message);
    }

    private static void Count(FeedLoadResult result, Violation violation)
    {
        result.RowsQuarantined++;
        result.QuarantinedByRule[violation.RuleId] = result.QuarantinedByRule.GetValueOrDefault(violation.RuleId) + 1;
    }

    private static string Clip(string value) => value.Length <= 200 ? value : string.Concat(value.AsSpan(0, 200), "…");
}
