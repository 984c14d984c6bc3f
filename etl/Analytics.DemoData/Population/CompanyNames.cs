using Analytics.DemoData.Randomness;

namespace Analytics.DemoData.Population;

/// <summary>Chinese company and person names: place + trade name + industry word + 有限公司; family + given name.</summary>
internal static class CompanyNames
{
    private static readonly string TradeCharacters =
        "鑫华宇达盛恒泰瑞丰源通辉宏博信诚德利佳欣凯捷锦龙海金天新科美嘉润荣兴旺隆昌明亿正弘创远航卓越中汇立安康鼎祥顺威力同和平光万方元晟睿智强友星腾奥鸿程俊升益富联合众";

    private static readonly string[] Suffixes = ["有限公司", "有限公司", "有限公司", "有限责任公司", "股份有限公司"];

    private static readonly string[] Families = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗", "谭", "彭", "邓", "冉", "向", "易", "曾", "唐"];

    private static readonly string GivenCharacters = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌宇浩凯鹏飞琳雪梅";

    public static string Company(ref Rng rng, string cityWord, string placeWord, int division)
    {
        var place = rng.Chance(0.55) ? cityWord : rng.Chance(0.5) ? cityWord + placeWord : placeWord;
        var first = TradeCharacters[rng.Next(TradeCharacters.Length)];
        var second = TradeCharacters[rng.Next(TradeCharacters.Length)];
        if (second == first)
        {
            second = TradeCharacters[(TradeCharacters.IndexOf(first, StringComparison.Ordinal) + 7) % TradeCharacters.Length];
        }

        var word = rng.Pick(IndustryCatalog.WordsFor(division));
        return string.Concat(place, first.ToString(), second.ToString(), word, rng.Pick(Suffixes));
    }

    public static string Person(ref Rng rng)
    {
        var family = rng.Pick(Families);
        var given = GivenCharacters[rng.Next(GivenCharacters.Length)].ToString();
        return rng.Chance(0.6) ? family + given + GivenCharacters[rng.Next(GivenCharacters.Length)] : family + given;
    }
}
