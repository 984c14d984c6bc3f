using static Analytics.DemoData.Population.SizeMetric;

namespace Analytics.DemoData.Population;

/// <summary>The size rule that applies to an industry class code (e.g. C3670, F5191, K7010).</summary>
internal static class SizeRules
{
    private static readonly SizeRule Agriculture = new(Revenue, None, 20000, 0, 500, 0, 50, 0);
    private static readonly SizeRule Industry = new(Employees, Revenue, 1000, 40000, 300, 2000, 20, 300);
    private static readonly SizeRule Construction = new(Revenue, Assets, 80000, 80000, 6000, 5000, 300, 300);
    private static readonly SizeRule Wholesale = new(Employees, Revenue, 200, 40000, 20, 5000, 5, 1000);
    private static readonly SizeRule Retail = new(Employees, Revenue, 300, 20000, 50, 500, 10, 100);
    private static readonly SizeRule Transport = new(Employees, Revenue, 1000, 30000, 300, 3000, 20, 200);
    private static readonly SizeRule Warehousing = new(Employees, Revenue, 200, 30000, 100, 1000, 20, 100);
    private static readonly SizeRule Postal = new(Employees, Revenue, 1000, 30000, 300, 2000, 20, 100);
    private static readonly SizeRule Hospitality = new(Employees, Revenue, 300, 10000, 100, 2000, 10, 100);
    private static readonly SizeRule Telecom = new(Employees, Revenue, 2000, 100000, 100, 1000, 10, 100);
    private static readonly SizeRule Software = new(Employees, Revenue, 300, 10000, 100, 1000, 10, 50);
    private static readonly SizeRule RealEstate = new(Revenue, Assets, 200000, 10000, 1000, 5000, 100, 2000);
    private static readonly SizeRule PropertyManagement = new(Employees, Revenue, 1000, 5000, 300, 1000, 100, 500);
    private static readonly SizeRule Leasing = new(Employees, Assets, 300, 120000, 100, 8000, 10, 100);
    private static readonly SizeRule Other = new(Employees, None, 300, 0, 100, 0, 10, 0);

    public static SizeRule For(string industryCode)
    {
        var division = int.Parse(industryCode.AsSpan(1, 2), System.Globalization.CultureInfo.InvariantCulture);
        return industryCode[0] switch
        {
            'A' => Agriculture,
            'B' or 'C' or 'D' => Industry,
            'E' => Construction,
            'F' => division == 51 ? Wholesale : Retail,
            'G' => division switch { 59 => Warehousing, 60 => Postal, _ => Transport },
            'H' => Hospitality,
            'I' => division == 65 ? Software : Telecom,
            'K' => industryCode[3] == '2' ? PropertyManagement : RealEstate,
            'L' => Leasing,
            _ => Other,
        };
    }
}
