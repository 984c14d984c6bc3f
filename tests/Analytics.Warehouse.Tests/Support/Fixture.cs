using System.Globalization;

namespace Analytics.Warehouse.Tests.Support;

/// <summary>
/// The hand-built fixture: a handful of Chongqing (CQ2013) and Yueyang (YY2020) enterprises with registry snapshots,
/// recognitions, patents, R&amp;D figures and survey answers, in two batches (the second re-delivers a key).
/// Every expected value in the tests is derived from these rows, not read from the engine.
/// </summary>
internal static class Fixture
{
    // Yueyang: 岳阳楼区 430602, 云溪区 430603, 岳阳县 430621. Chongqing: 璧山县 500227 → 璧山区 500120 (2014-05), 渝中区 500103, 沙坪坝区 500106.
    public static readonly string Y1 = Code("91", "430602", 1);
    public static readonly string Y2 = Code("91", "430602", 2);
    public static readonly string Y3 = Code("91", "430603", 3);
    public static readonly string Y4 = Code("91", "430621", 4);
    public static readonly string Y5 = Code("91", "430602", 5);
    public static readonly string Y6Large = Code("91", "430602", 6);
    public static readonly string YyPlatform = Code("12", "430603", 7);

    public static readonly string C1Bishan = Code("91", "500227", 11);
    public static readonly string C2 = Code("91", "500103", 12);
    public static readonly string C3 = Code("91", "500103", 13);
    public static readonly string C4 = Code("91", "500106", 14);
    public static readonly string C5Large = Code("91", "500103", 15);

    public static readonly DateTimeOffset FirstLoad = new(2024, 1, 10, 8, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset SecondLoad = new(2024, 2, 10, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A valid credit code (GB 32100 check character computed), as the load lets into the lake.</summary>
    public static string Code(string prefix, string district, int serial)
    {
        var body = prefix + district + "MA" + serial.ToString("D7", CultureInfo.InvariantCulture);
        return body + Analytics.Etl.Identifiers.CreditCode.ComputeCheckCharacter(body);
    }

    public static List<RegistryRow> Registry()
    {
        var rows = new List<RegistryRow>();
        foreach (var year in new[] { 2019, 2020, 2021, 2022 })
        {
            rows.Add(new(Y1, "430602", "C3670", year, 50, 1000m, 800m, "小型"));
            rows.Add(new(Y2, "430602", "C2610", year, 30, 500m, 400m, "小型"));
            // Y3 grows from small to medium in 2021: a second SCD version.
            rows.Add(new(Y3, "430603", "I6510", year, year < 2021 ? 20 : 150, year < 2021 ? 200m : 2000m, 300m, year < 2021 ? "小型" : "中型"));
            rows.Add(new(Y4, "430621", "C3670", year, 12, 90m, 50m, "微型"));
            rows.Add(new(Y5, "430602", "C3670", year, 40, 600m, 500m, "小型"));
            rows.Add(new(Y6Large, "430602", "C3670", year, 2000, 90000m, 90000m, "大型"));
        }

        foreach (var year in new[] { 2012, 2013, 2014, 2015, 2016 })
        {
            // 璧山: the county code until the 2014 snapshot, the district code from then on.
            rows.Add(new(C1Bishan, year < 2014 ? "500227" : "500120", "C3670", year, 80, 3000m, 2000m, "小型"));
            rows.Add(new(C2, "500103", "I6510", year, 15, 120m, 100m, "小型"));
            rows.Add(new(C3, "500103", "C3670", year, 25, 400m, 300m, "小型"));
            rows.Add(new(C4, "500106", "C2610", year, 5, 50m, 20m, "微型"));
            rows.Add(new(C5Large, "500103", "C3670", year, 1500, 50000m, 60000m, "大型"));
        }

        return rows;
    }

    public static List<RecognitionRow> Recognitions() =>
    [
        // CQ-TECH-SME: C1 2013, C2 2013 and again 2015, C3 2014 revoked 2015-02-01, C5 large (not an SME).
        new(C1Bishan, "TECH_SME", new DateOnly(2013, 4, 1)),
        new(C2, "TECH_SME", new DateOnly(2013, 6, 1)),
        new(C2, "TECH_SME", new DateOnly(2015, 6, 1)),
        new(C3, "TECH_SME", new DateOnly(2014, 5, 1), RevokedOn: new DateOnly(2015, 2, 1)),
        new(C5Large, "TECH_SME", new DateOnly(2014, 5, 1)),

        // CQ-IP-PILOT: C1 valid 2012-03-01..2014-12-31, C2 expired 2013-12-30, C3 and C4 from 2014-02-01.
        new(C1Bishan, "IP_PILOT", new DateOnly(2012, 3, 1), ExpiresOn: new DateOnly(2014, 12, 31)),
        new(C2, "IP_PILOT", new DateOnly(2013, 1, 1), ExpiresOn: new DateOnly(2013, 12, 30)),
        new(C3, "IP_PILOT", new DateOnly(2014, 2, 1)),
        new(C4, "IP_PILOT", new DateOnly(2014, 2, 1)),

        // YY-GIANT: Y1 provincial 2018-05-01..2021-04-30, Y2 national 2019, Y3 municipal (not counted), Y6 large provincial 2020.
        new(Y1, "LITTLE_GIANT", new DateOnly(2018, 5, 1), "省", ExpiresOn: new DateOnly(2021, 4, 30)),
        new(Y2, "LITTLE_GIANT", new DateOnly(2019, 6, 1), "国家"),
        new(Y3, "LITTLE_GIANT", new DateOnly(2019, 6, 1), "市"),
        new(Y6Large, "LITTLE_GIANT", new DateOnly(2020, 3, 1), "省"),

        // YY-ENGINEERS: persons employed by Y1 (2020, 2021) and Y3 (2021, revoked 2022-03-01); one certified before the plan.
        new(Y1, "INNOV_ENGINEER", new DateOnly(2020, 5, 1), "国家", PersonId: "P1"),
        new(Y1, "INNOV_ENGINEER", new DateOnly(2021, 5, 1), "国家", PersonId: "P2"),
        new(Y3, "INNOV_ENGINEER", new DateOnly(2021, 5, 1), "国家", RevokedOn: new DateOnly(2022, 3, 1), PersonId: "P3"),
        new(Y2, "INNOV_ENGINEER", new DateOnly(2019, 5, 1), "国家", PersonId: "P4"),

        // YY-KEY-PLATFORM: a public institution outside the registry, placed by its credit code (云溪区).
        new(YyPlatform, "KEY_PLATFORM", new DateOnly(2021, 7, 1)),

        // YY-PARTICIPANTS 2020: three SMEs and a large firm.
        new(Y1, "POLING_PARTICIPANT", new DateOnly(2020, 4, 1), ExpiresOn: new DateOnly(2020, 12, 31)),
        new(Y2, "POLING_PARTICIPANT", new DateOnly(2020, 4, 1), ExpiresOn: new DateOnly(2020, 12, 31)),
        new(Y3, "POLING_PARTICIPANT", new DateOnly(2020, 4, 1), ExpiresOn: new DateOnly(2020, 12, 31)),
        new(Y6Large, "POLING_PARTICIPANT", new DateOnly(2020, 4, 1), ExpiresOn: new DateOnly(2020, 12, 31)),

        // Yueyang's list reaches 2022 (a large firm's, counted nowhere): YY's recognition indicators have data to 2022.
        new(Y6Large, "HNTE", new DateOnly(2022, 3, 1), "国家"),
    ];

    public static List<PatentRow> Patents() =>
    [
        // Y1: an invention filed 2017 never granted, then its first invention grant exactly on 1 January 2021.
        new("CN201710000001.1", 1, new DateOnly(2017, 3, 1), null, Y1),
        new("CN201910000002.2", 1, new DateOnly(2019, 2, 1), new DateOnly(2021, 1, 1), Y1),
        // Y2: only utility models.
        new("CN201920000003.3", 2, new DateOnly(2019, 2, 1), new DateOnly(2020, 3, 1), Y2),
        new("CN202020000004.4", 2, new DateOnly(2020, 1, 1), new DateOnly(2020, 9, 1), Y2, "张三"),
        // Y3 (云溪区) and Y4 (岳阳县): one invention with two SME applicants in different districts, and a university.
        new("CN201910000005.5", 1, new DateOnly(2019, 1, 5), new DateOnly(2020, 6, 1), Y3, "湖南大学", Y4),
        // Y5: two PCT/ordinary inventions granted 2019 (first grant 2019), another in 2020.
        new("CN201810000006.6", 8, new DateOnly(2018, 1, 1), new DateOnly(2019, 3, 1), Y5),
        new("CN201810000007.7", 1, new DateOnly(2018, 2, 1), new DateOnly(2019, 8, 1), Y5),
        new("CN201910000008.8", 1, new DateOnly(2019, 3, 1), new DateOnly(2020, 5, 5), Y5),
        // Y6: a large firm's invention (not an SME).
        new("CN201910000009.9", 1, new DateOnly(2019, 4, 1), new DateOnly(2020, 7, 1), Y6Large),
        // Y6 again in 2022 (still not an SME): Yueyang's patents have data to 2022.
        new("CN202110000010.0", 1, new DateOnly(2021, 4, 1), new DateOnly(2022, 7, 1), Y6Large),
    ];

    /// <summary>First batch; Y2's 2022 R&amp;D row (999) is superseded by the second batch.</summary>
    public static List<RdRow> RdFirstBatch() =>
    [
        new(Y1, 2019, 10m, 1000m, 100m), new(Y2, 2019, 30m, 500m, null),
        new(Y1, 2020, 12m, 1000m), new(Y2, 2020, 36m, 500m),
        new(Y1, 2021, 20m, 1000m), new(Y2, 2021, 30m, 500m),
        new(Y1, 2022, 40m, 1000m, 150m), new(Y2, 2022, 999m, 500m, 999m),
        new(Y3, 2022, 5m, null), new(Y6Large, 2022, 100m, 100m, 5000m),
    ];

    public static List<RdRow> RdSecondBatch() => [new(Y2, 2022, 60m, 500m, 250m)];

    public static List<SurveyRow> Survey() =>
    [
        // CQ 2013, IT use: C1 yes (other answers blank), C2 no to all three, C3 no + blank (left out), C4 yes in management.
        new(C1Bishan, 2013, 1.5, ItInRd: true),
        new(C2, 2013, 2.0, false, false, false),
        new(C3, 2013, 2.5, false, null, false),
        new(C4, 2013, 1.0, false, true, false),
        // YY 2021, cloud: Y1 yes, Y2 no, Y3 yes, Y4 blank (left out), Y6 large (not an SME).
        new(Y1, 2021, 2.0, CloudServices: true),
        new(Y2, 2021, 1.0, CloudServices: false),
        new(Y3, 2021, 3.0, CloudServices: true),
        new(Y4, 2021, 4.0, CloudServices: null),
        new(Y6Large, 2021, 5.0, CloudServices: true),
    ];
}
