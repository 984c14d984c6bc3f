using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Analytics.DemoData.Dirt;
using Analytics.DemoData.Population;
using Analytics.DemoData.Randomness;

namespace Analytics.DemoData.Feeds;

/// <summary>
/// 专利: one JSON Lines file per region, UTF-8, written firm by firm. Applicants are credit codes in order; some
/// patents are shared with an SME of another district or a university.
/// </summary>
internal static class PatentFeed
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private const int FlushAt = 1 << 20;

    // Property names encoded once rather than on every line.
    private static readonly JsonEncodedText ApplicationNo = JsonEncodedText.Encode("application_no");
    private static readonly JsonEncodedText PatentType = JsonEncodedText.Encode("patent_type");
    private static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText ApplicantsName = JsonEncodedText.Encode("applicants");
    private static readonly JsonEncodedText ApplicationDate = JsonEncodedText.Encode("application_date");
    private static readonly JsonEncodedText PublicationDate = JsonEncodedText.Encode("publication_date");
    private static readonly JsonEncodedText GrantDate = JsonEncodedText.Encode("grant_date");
    private static readonly JsonEncodedText LegalStatus = JsonEncodedText.Encode("legal_status");
    private static readonly JsonEncodedText IpcMain = JsonEncodedText.Encode("ipc_main");
    private static readonly string[] TypeDigits = [.. Enumerable.Range(0, 10).Select(d => ((char)('0' + d)).ToString())];

    public static DemoFileEntry Write(FeedContext context)
    {
        var region = context.Region;
        var population = context.Population;
        var recorder = context.Record(DemoFeeds.Patents, $"patents/patents_{region.Code}.jsonl");
        var planner = new PatentPlanner(region, InnovationThresholds.For(population));
        var numbers = new ApplicationNumbers(Rng.Hash(context.Seed, region.Salt, Streams.Patent), dense: region.IsProvince);
        var universities = Universities(region);
        var dirt = new DirtPlan(
            context.Options.DirtRate,
            DirtKind.WrongCheckDigit, DirtKind.LetterOForZero, DirtKind.FullWidthDigits, DirtKind.TrailingSpaces,
            DirtKind.DuplicateRecord, DirtKind.ConflictingDuplicate, DirtKind.DateSlash, DirtKind.DateChinese,
            DirtKind.DateCompact, DirtKind.DateExcelSerial, DirtKind.PersonApplicant);

        // One firm (the first to break through in the plan's second year) gets its first invention grant on 1 January.
        var newYearCase = region.IsProvince ? (int?)null : region.PlanBaselineYear + 2;

        Directory.CreateDirectory(Path.GetDirectoryName(recorder.FullPath)!);
        using var stream = new FileStream(recorder.FullPath, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);

        // Lines are built in memory and go to the file a megabyte at a time.
        var lines = new ArrayBufferWriter<byte>(FlushAt + (1 << 16));
        using (var json = new Utf8JsonWriter(lines, JsonOptions))
        {
            foreach (var firm in population.Enumerate(context.CancellationToken))
            {
                var drafts = planner.Plan(firm, false);
                if (newYearCase is { } year && drafts.Find(d => d.IsInvention && d.Granted is not null) is { } first && first.Granted!.Value.Year == year)
                {
                    drafts = planner.Plan(firm, true);
                    newYearCase = null;
                }

                var rng = Rng.For(firm.Salt, Streams.Patent, 1);
                foreach (var draft in drafts)
                {
                    var number = numbers.Next(draft.Applied.Year, draft.Type, ref rng);
                    var applicants = Applicants(firm, draft, population, universities, ref rng);
                    var patent = new PatentRecord(number, draft, PatentTexts.Title(ref rng, firm.Division, draft.Type), applicants, PatentTexts.Ipc(ref rng, firm.Division, draft.Type));
                    var kind = dirt.Choose(ref rng);
                    WriteLine(json, lines, Dirty(patent, kind, ref rng), kind);
                    recorder.Row();
                    if (kind is DirtKind.DuplicateRecord)
                    {
                        WriteLine(json, lines, patent, null);
                        recorder.Row();
                    }
                    else if (kind is DirtKind.ConflictingDuplicate)
                    {
                        var changed = draft.Granted is null
                            ? draft with { Status = draft.Status == "审中" ? "撤回" : "审中" }
                            : draft with { Status = draft.Status == "有效" ? "失效" : "有效" };
                        WriteLine(json, lines, patent with { Draft = changed }, null);
                        recorder.Row();
                    }

                    if (kind is { } k)
                    {
                        recorder.Dirt.Add(k);
                    }

                    if (lines.WrittenCount >= FlushAt)
                    {
                        stream.Write(lines.WrittenSpan);
                        lines.ResetWrittenCount();
                    }
                }
            }
        }

        stream.Write(lines.WrittenSpan);
        return recorder.Complete();
    }

    private static string[] Applicants(Enterprise firm, PatentDraft draft, EnterprisePopulation population, string[] universities, ref Rng rng)
    {
        var roll = rng.NextDouble();
        if (roll < 0.06)
        {
            // A co-applicant SME in another district, alive at filing.
            for (var attempt = 0; attempt < 6; attempt++)
            {
                var other = population[(long)(rng.NextDouble() * population.Count)];
                if (!ReferenceEquals(other.Territory, firm.Territory) && other.IsAliveOn(draft.Applied) && other.SizeLatent < 2)
                {
                    return rng.Chance(0.7) ? [firm.CreditCode, other.CreditCode] : [other.CreditCode, firm.CreditCode];
                }
            }
        }
        else if (roll < 0.10 && draft.Type != 3)
        {
            return rng.Chance(0.6) ? [firm.CreditCode, rng.Pick(universities)] : [rng.Pick(universities), firm.CreditCode];
        }

        return [firm.CreditCode];
    }

    private static PatentRecord Dirty(PatentRecord patent, DirtKind? kind, ref Rng rng)
    {
        var applicants = patent.Applicants;
        var firstFirm = Array.FindIndex(applicants, a => a.Length == 18);
        string[] Replace(string value)
        {
            var copy = (string[])applicants.Clone();
            copy[firstFirm] = value;
            return copy;
        }

        switch (kind)
        {
            case DirtKind.WrongCheckDigit:
                return patent with { Number = DirtyText.WrongCheck(patent.Number, ref rng) };
            case DirtKind.LetterOForZero when firstFirm >= 0:
                return patent with { Applicants = Replace(DirtyText.LetterO(applicants[firstFirm], ref rng)) };
            case DirtKind.FullWidthDigits when firstFirm >= 0:
                return patent with { Applicants = Replace(DirtyText.FullWidth(applicants[firstFirm])) };
            case DirtKind.TrailingSpaces:
                return patent with { Number = DirtyText.TrailingSpaces(patent.Number, ref rng) };
            case DirtKind.PersonApplicant:
                var person = Population.CompanyNames.Person(ref rng);
                return patent with { Applicants = rng.Chance(0.5) ? [person] : [.. applicants, person] };
            default:
                return patent;
        }
    }

    private static void WriteLine(Utf8JsonWriter json, IBufferWriter<byte> lines, PatentRecord patent, DirtKind? kind)
    {
        var draft = patent.Draft;
        json.WriteStartObject();
        json.WriteString(ApplicationNo, patent.Number);
        json.WriteString(PatentType, TypeDigits[draft.Type]);
        json.WriteString(Title, patent.Title);
        json.WriteStartArray(ApplicantsName);
        foreach (var applicant in patent.Applicants)
        {
            json.WriteStringValue(applicant);
        }

        json.WriteEndArray();
        if (kind is DirtKind.DateExcelSerial)
        {
            json.WriteNumber(ApplicationDate, DirtyText.ExcelSerial(draft.Applied));
        }
        else if (DirtyText.IsDateKind(kind))
        {
            json.WriteString(ApplicationDate, DirtyText.Date(draft.Applied, kind));
        }
        else
        {
            WriteDate(json, ApplicationDate, draft.Applied);
        }

        WriteDate(json, PublicationDate, draft.Published);
        WriteDate(json, GrantDate, draft.Granted);
        json.WriteString(LegalStatus, draft.Status);
        if (patent.Ipc is null)
        {
            json.WriteNull(IpcMain);
        }
        else
        {
            json.WriteString(IpcMain, patent.Ipc);
        }

        json.WriteEndObject();
        json.Flush();
        lines.Write("\n"u8);
        json.Reset(lines);
    }

    private static void WriteDate(Utf8JsonWriter json, JsonEncodedText name, DateOnly? date)
    {
        if (date is { } d)
        {
            Span<char> iso = stackalloc char[10];
            DirtyText.WriteIso(d, iso);
            json.WriteString(name, iso);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string[] Universities(RegionModel region) => region.Code == "yy"
        ? ["湖南理工学院", "中南大学", "湖南大学", "长沙理工大学", "岳阳职业技术学院"]
        : ["重庆大学", "西南大学", "重庆邮电大学", "重庆理工大学", "重庆交通大学"];

    /// <summary>A patent as written.</summary>
    private sealed record PatentRecord(string Number, PatentDraft Draft, string Title, string[] Applicants, string? Ipc);
}
