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

    private static readonly byte[] NewLine = "\n"u8.ToArray();

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
        using var stream = new FileStream(recorder.FullPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using (var json = new Utf8JsonWriter(stream, JsonOptions))
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
                    WriteLine(json, stream, Dirty(patent, kind, ref rng), kind);
                    recorder.Row();
                    if (kind is DirtKind.DuplicateRecord)
                    {
                        WriteLine(json, stream, patent, null);
                        recorder.Row();
                    }
                    else if (kind is DirtKind.ConflictingDuplicate)
                    {
                        var changed = draft.Granted is null
                            ? draft with { Status = draft.Status == "审中" ? "撤回" : "审中" }
                            : draft with { Status = draft.Status == "有效" ? "失效" : "有效" };
                        WriteLine(json, stream, patent with { Draft = changed }, null);
                        recorder.Row();
                    }

                    if (kind is { } k)
                    {
                        recorder.Dirt.Add(k);
                    }
                }
            }
        }

        stream.Flush();
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

    private static void WriteLine(Utf8JsonWriter json, Stream stream, PatentRecord patent, DirtKind? kind)
    {
        var draft = patent.Draft;
        json.WriteStartObject();
        json.WriteString("application_no", patent.Number);
        json.WriteString("patent_type", ((char)('0' + draft.Type)).ToString());
        json.WriteString("title", patent.Title);
        json.WriteStartArray("applicants");
        foreach (var applicant in patent.Applicants)
        {
            json.WriteStringValue(applicant);
        }

        json.WriteEndArray();
        if (kind is DirtKind.DateExcelSerial)
        {
            json.WriteNumber("application_date", DirtyText.ExcelSerial(draft.Applied));
        }
        else
        {
            json.WriteString("application_date", DirtyText.Date(draft.Applied, DirtyText.IsDateKind(kind) ? kind : null));
        }

        WriteDate(json, "publication_date", draft.Published);
        WriteDate(json, "grant_date", draft.Granted);
        json.WriteString("legal_status", draft.Status);
        if (patent.Ipc is null)
        {
            json.WriteNull("ipc_main");
        }
        else
        {
            json.WriteString("ipc_main", patent.Ipc);
        }

        json.WriteEndObject();
        json.Flush();
        stream.Write(NewLine);
        json.Reset();
    }

    private static void WriteDate(Utf8JsonWriter json, string name, DateOnly? date)
    {
        if (date is { } d)
        {
            json.WriteString(name, DirtyText.Iso(d));
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
