namespace Analytics.Etl.Contracts;

/// <summary>专利 (patents): one row per application; key application_no. Sample: JSON Lines, UTF-8.</summary>
public static class PatentsContract
{
#pragma warning disable CS1591 // the column indexes are named after the columns they index
    public const int ApplicationNo = 0;
    public const int PatentType = 1;
    public const int Title = 2;
    public const int Applicants = 3;
    public const int ApplicationDate = 4;
    public const int PublicationDate = 5;
    public const int GrantDate = 6;
    public const int LegalStatus = 7;
    public const int IpcMain = 8;
#pragma warning restore CS1591

    /// <summary>The schema.</summary>
    public static FeedContract Contract { get; } = new(
        FeedKind.Patents,
        "专利",
        SourceFormat.JsonLines,
        [
            new("application_no", FieldType.Text, true, "申请号", "CNIPA number with check character; canonical 201310123456.7", "专利申请号", "application number", "appno"),
            new("patent_type", FieldType.Integer, true, "专利类型", "1/2/3/8/9 or 发明/实用新型/外观设计", "类型", "type"),
            new("title", FieldType.Text, true, "名称", "title", "专利名称", "发明名称", "标题"),
            new("applicants", FieldType.TextList, true, "申请人", "JSON array in order: credit codes, or names of persons/universities (kept)",
                "申请人列表", "专利权人", "申请（专利权）人", "applicant"),
            new("application_date", FieldType.Date, true, "申请日", "filing date", "申请日期", "filing date"),
            new("publication_date", FieldType.Date, false, "公开日", "not before application_date", "公开日期", "公告日", "publication date"),
            new("grant_date", FieldType.Date, false, "授权日", "null until granted; required when 有效", "授权日期", "授权公告日", "grant date", "granted on"),
            new("legal_status", FieldType.Text, true, "法律状态", "有效/失效/审中/驳回/撤回", "当前法律状态", "status", "legal status"),
            new("ipc_main", FieldType.Text, false, "主分类号", "IPC main class, e.g. G06F16/00", "IPC主分类号", "主分类", "ipc", "main ipc"),
        ],
        [ApplicationNo]);
}
