namespace Analytics.Etl.Contracts;

/// <summary>
/// 认定名单 (recognitions): an enterprise, unit or person × recognition type × grant; key (credit_code, person_id,
/// recognition_type, granted_on). Sample: XLSX, a title row above the header, one sheet per batch.
/// </summary>
public static class RecognitionsContract
{
#pragma warning disable CS1591 // the column indexes are named after the columns they index
    public const int CreditCode = 0;
    public const int PersonId = 1;
    public const int RecognitionType = 2;
    public const int Level = 3;
    public const int GrantedOn = 4;
    public const int ExpiresOn = 5;
    public const int RevokedOn = 6;
    public const int CertificateNo = 7;
    public const int Batch = 8;
#pragma warning restore CS1591

    /// <summary>The schema.</summary>
    public static FeedContract Contract { get; } = new(
        FeedKind.Recognitions,
        "认定名单",
        SourceFormat.Xlsx,
        [
            new("credit_code", FieldType.Text, true, "统一社会信用代码", "the unit's code; for 国家创新工程师 the employer's",
                "信用代码", "社会信用代码", "单位统一社会信用代码", "工作单位统一社会信用代码", "credit code", "uscc", "employer credit code"),
            new("person_id", FieldType.Text, false, "人员编号", "only for 国家创新工程师 (required there)", "人员代码", "证件号码", "person id", "person"),
            new("recognition_type", FieldType.Text, true, "认定类型", "a code (TECH_SME …) or its Chinese name", "类型", "认定类别", "项目类型", "type", "recognition"),
            new("level", FieldType.Text, true, "认定级别", "国家/省/市/区县", "级别", "层级", "recognition level"),
            new("granted_on", FieldType.Date, true, "认定日期", "grant date", "发证日期", "认定时间", "批准日期", "granted", "grant date"),
            new("expires_on", FieldType.Date, false, "有效期至", "not before granted_on", "有效期", "到期日期", "截止日期", "expires", "expiry date", "valid until"),
            new("revoked_on", FieldType.Date, false, "撤销日期", "not before granted_on", "取消日期", "撤销时间", "revoked", "revocation date"),
            new("certificate_no", FieldType.Text, false, "证书编号", "as printed", "证书号", "编号", "certificate", "certificate number"),
            new("batch", FieldType.Text, false, "批次", "the sheet name when the column is absent or blank", "认定批次", "batch no")
            {
                ColumnRequired = false,
            },
        ],
        [CreditCode, PersonId, RecognitionType, GrantedOn])
    {
        // Names help a person reading the sheet; identity is the credit code, so they are recognised but not loaded.
        IgnoredHeaders = ["企业名称", "单位名称", "名称", "企业（单位）名称", "姓名", "name"],
    };
}
