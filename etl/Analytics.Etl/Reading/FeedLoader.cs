using Analytics.Etl.Contracts;
using Analytics.Etl.Validation;

namespace Analytics.Etl.Reading;

/// <summary>
/// Reads one extract file of a feed and hands each row to an <see cref="IFeedSink"/>: accepted rows typed in contract
/// order, every other row quarantined with its rule. One pass: duplicates are logged as the rows go by (see
/// <see cref="DuplicateIndex"/>) and settled at the end of the file — the rows to drop are withdrawn from the sink and
/// quarantined, their raw text and key read back from the file (the only second look, made only when a file repeats a
/// key). The result's counts satisfy rows read = accepted + quarantined + skipped blank.
/// </summary>
public static partial class FeedLoader
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

        if (options.Parallelism > 1 && sink is IParallelFeedSink parallel && PlanChunks(kind, path, options) is { } plan)
        {
            return ReadChunks(kind, path, parallel, options, plan);
        }

        var contract = FeedContracts.For(kind);
        var fallbackAsOf = FallbackAsOf(kind, path, options);
        var validator = CreateValidator(kind, new ValidationContext(options, path, fallbackAsOf));
        var index = options.DetectDuplicates ? new DuplicateIndex() : null;

        using var reader = Open(contract, path, options);
        using var rows = new RowStream(reader, options.ReadAhead);
        var record = new FeedRecord(contract) { SourceFile = path };
        var result = new FeedLoadResult { Kind = kind, SourceFile = path, Encoding = reader.EncodingName, AsOf = fallbackAsOf };
        while (rows.NextSection())
        {
            validator.OnSection(reader.Map);
            var sectionRows = ReadSection(reader, rows, validator, record, sink, result, index, null);
            if (sectionRows == 0 && reader.SectionName is { } sheet)
            {
                result.Warnings.Add($"sheet '{sheet}' has a header but no data rows.");
            }
        }

        result.Warnings.InsertRange(0, reader.Warnings);
        if (result.IsEmptyDelivery)
        {
            // A header and no rows is a supplier's "nothing this period": load nothing, say so, and let the batch publish.
            result.Warnings.Add("empty delivery: the file has a header but no data rows; nothing was loaded from it.");
            return result;
        }

        if (index?.Settle() is { Count: > 0 } repeats)
        {
            SettleDuplicates(kind, path, options, repeats, sink, result);
        }

        return result;
    }

    // The rows of one section: validated, accepted (and logged for duplicates) or quarantined. Returns the non-blank
    // rows. A parallel read passes stop, asked every 4,096 rows whether to give up (an earlier chunk failed).
    private static long ReadSection(
        SourceReader reader, RowStream rows, FeedValidator validator, FeedRecord record, IFeedSink sink, FeedLoadResult result, DuplicateIndex? index, Func<bool>? stop)
    {
        long sectionRows = 0;
        while (rows.Read(out var row))
        {
            result.RowsRead++;
            if (stop is not null && (result.RowsRead & 4095) == 0 && stop())
            {
                throw new OperationCanceledException();
            }

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

            index?.Add(KeyHash.OfKey(record), KeyHash.OfContent(row, reader.Map), DuplicateIndex.Ref(row.SheetIndex, row.RowNumber));
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

        return sectionRows;
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

    // The registry's snapshot date when its rows lack one: configured, else from the file name.
    private static DateOnly? FallbackAsOf(FeedKind kind, string path, FeedReadOptions options) =>
        kind == FeedKind.Registry ? options.AsOf ?? SnapshotDate.FromFileName(path) : null;

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

    // Withdraws every repeated row that is not to stay loaded and quarantines it with its raw text and key.
    private static void SettleDuplicates(FeedKind kind, string path, FeedReadOptions options, List<DuplicateIndex.Repeat> repeats, IFeedSink sink, FeedLoadResult result)
    {
        var withdrawn = repeats.SelectMany(r => r.Withdrawn.Select(j => (Repeat: r, Position: j))).OrderBy(w => w.Repeat.RowRefs[w.Position]).ToList();
        var rows = ReadBack(kind, path, options, withdrawn.Select(w => w.Repeat.RowRefs[w.Position]).ToHashSet());
        foreach (var (repeat, position) in withdrawn)
        {
            var rowRef = repeat.RowRefs[position];
            var back = rows[rowRef];
            var violation = DuplicateViolation(repeat, position, back.KeyText);
            sink.Withdraw(repeat.Accepted[position], Rejection(result, back.Sheet, DuplicateIndex.RowOf(rowRef), back.Raw, violation));
            result.RowsAccepted--;
            Count(result, violation);
            foreach (var note in back.NoteKinds)
            {
                result.NotesByKind[note]--;
            }
        }
    }

    private sealed record ReadBackRow(string? Sheet, string Raw, string KeyText, string[] NoteKinds);

    // The given rows read again from the file: sheet, raw text, and (validated again) the key and notes.
    private static Dictionary<long, ReadBackRow> ReadBack(FeedKind kind, string path, FeedReadOptions options, HashSet<long> rowRefs)
    {
        var contract = FeedContracts.For(kind);
        var validator = CreateValidator(kind, new ValidationContext(options, path, FallbackAsOf(kind, path, options)));
        var record = new FeedRecord(contract) { SourceFile = path };
        var found = new Dictionary<long, ReadBackRow>(rowRefs.Count);
        using var reader = Open(contract, path, options);
        reader.RowFilter = (sheet, row) => rowRefs.Contains(DuplicateIndex.Ref(sheet, row));
        using var rows = new RowStream(reader, options.ReadAhead);
        while (found.Count < rowRefs.Count && rows.NextSection())
        {
            validator.OnSection(reader.Map);
            while (found.Count < rowRefs.Count && rows.Read(out var row))
            {
                var rowRef = DuplicateIndex.Ref(row.SheetIndex, row.RowNumber);
                if (!rowRefs.Contains(rowRef))
                {
                    continue;
                }

                if (row.IsBlank || Check(reader, row, new RowValues(row, reader.Map), validator, record) is not null)
                {
                    throw new ExtractRefusedException(path, $"the file changed while it was being read (row {row.RowNumber} differs from the first pass).");
                }

                found[rowRef] = new ReadBackRow(row.Sheet, row.RawText, DescribeKey(record), record.Notes.Select(n => n.Kind).ToArray());
            }
        }

        if (found.Count < rowRefs.Count)
        {
            throw new ExtractRefusedException(path, "the file changed while it was being read (rows seen in the first pass are gone).");
        }

        return found;
    }

    private static Violation DuplicateViolation(DuplicateIndex.Repeat repeat, int position, string keyText)
    {
        var current = repeat.RowRefs[position];
        var sheet = DuplicateIndex.SheetOf(current);
        return repeat.Verdict switch
        {
            DuplicateIndex.Verdict.Duplicate => new Violation(RuleIds.DuplicateRow, -1, keyText,
                $"the same record as {Where(repeat.RowRefs[0], sheet)}, which is loaded", "nothing to do; leave repeated rows out of future extracts."),
            _ => new Violation(RuleIds.DuplicateKeyConflict, -1, keyText,
                $"{repeat.Count} rows share this key with different values (also {Where(repeat.RowRefs[position == 0 ? 1 : 0], sheet)}); none of them is loaded",
                "send one corrected row for the key."),
        };
    }

    private static string Where(long otherRef, int currentSheet) =>
        DuplicateIndex.SheetOf(otherRef) == currentSheet
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
