namespace Analytics.Etl.Contracts;

/// <summary>The five extract feeds the ETL accepts (docs/extracts.md).</summary>
public enum FeedKind
{
    /// <summary>企业名录: one row per enterprise and snapshot date.</summary>
    Registry,

    /// <summary>认定名单: recognitions and programme enrolments of enterprises, units or persons.</summary>
    Recognitions,

    /// <summary>专利: one row per patent application.</summary>
    Patents,

    /// <summary>研发投入: R&amp;D expenditure per enterprise and year.</summary>
    RdSpend,

    /// <summary>信息化调查: the weighted informatization survey per enterprise and survey year.</summary>
    Survey,
}
