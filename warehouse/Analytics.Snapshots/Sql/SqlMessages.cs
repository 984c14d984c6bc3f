using System.Globalization;
using System.Text;

namespace Analytics.Snapshots.Sql;

/// <summary>
/// Every message the SQL console gives about a refusal, a limit or a failure, in Chinese and in English, each saying
/// what happened and what to do. The dashboard shows the reader's language; <c>analytics sql</c> the terminal's.
/// </summary>
public static class SqlMessages
{
    /// <summary>What the console runs, for messages.</summary>
    private const string QueryHintEn =
        "The console runs one read-only query (SELECT, WITH, FROM, VALUES, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN) against the snapshot.";

    private const string QueryHintZh = "控制台只对快照运行一条只读查询（SELECT、WITH、FROM、VALUES、DESCRIBE、SHOW、SUMMARIZE、EXPLAIN）。";

    /// <summary>The message of a refusal.</summary>
    public static string Refusal(SqlRefusal reason, string? subject, bool chinese)
    {
        var s = subject ?? "";
        return (reason, chinese) switch
        {
            (SqlRefusal.Empty, false) => "The query is empty. " + QueryHintEn,
            (SqlRefusal.Empty, true) => "查询为空。" + QueryHintZh,
            (SqlRefusal.TooLong, false) => $"The query is longer than {Count(s)} characters. Shorten it (a view or CTE per step helps).",
            (SqlRefusal.TooLong, true) => $"查询超过 {Count(s)} 个字符，请缩短（可把中间步骤写成 WITH 子句）。",
            (SqlRefusal.InvalidText, false) => "The query holds a character that is not plain text (NUL, a control character, or bytes that were not valid UTF-8). Retype or paste it as plain text.",
            (SqlRefusal.InvalidText, true) => "查询含有非纯文本字符（NUL、控制字符或无效的 UTF-8 字节），请以纯文本重新输入或粘贴。",
            (SqlRefusal.SeveralStatements, false) => $"The text holds {s} statements; the console runs one statement at a time. Run them one by one.",
            (SqlRefusal.SeveralStatements, true) => $"文本中有 {s} 条语句，控制台一次只运行一条，请逐条运行。",
            (SqlRefusal.Write, false) => $"{s} is refused: a published snapshot is read-only and never changes. To shape a result, use a SELECT (WITH … for intermediate steps); to change the warehouse, change the lake or the build.",
            (SqlRefusal.Write, true) => $"不允许 {s}：已发布的快照只读，不会改变。如需整理结果，请用 SELECT（中间步骤用 WITH）；如需修改数仓，请修改数据湖或构建。",
            (SqlRefusal.FileAccess, false) => $"{(s.Length > 0 ? s : "Reading or writing files")} is refused: the console reads only the snapshot and touches no files. To save a result, use the download (CSV) or 'analytics sql --out <file>'.",
            (SqlRefusal.FileAccess, true) => $"不允许{(s.Length > 0 ? " " + s : "读写文件")}：控制台只读取快照，不访问任何文件。如需保存结果，请用下载（CSV）或 'analytics sql --out <文件>'。",
            (SqlRefusal.OtherDatabase, false) => $"{s} is refused: the console reads only the snapshot it opened.",
            (SqlRefusal.OtherDatabase, true) => $"不允许 {s}：控制台只读取它打开的快照。",
            (SqlRefusal.Extension, false) => $"{s} is refused: extensions cannot be installed or loaded in the console; the snapshot needs none (parquet, json and icu are built in).",
            (SqlRefusal.Extension, true) => $"不允许 {s}：控制台不能安装或加载扩展；快照不需要扩展（parquet、json、icu 已内置）。",
            (SqlRefusal.Setting, false) => $"{s} is refused: the console's settings are fixed. For catalog information query the catalog, e.g. SELECT * FROM duckdb_tables().",
            (SqlRefusal.Setting, true) => $"不允许 {s}：控制台的设置是固定的。如需目录信息，请查询目录，例如 SELECT * FROM duckdb_tables()。",
            (SqlRefusal.NotAQuery, false) => $"{(s.Length > 0 ? s : "The statement")} is refused: it is not a query. {QueryHintEn} Table functions run as SELECT * FROM f(…); a PIVOT needs its IN list.",
            (SqlRefusal.NotAQuery, true) => $"不允许{(s.Length > 0 ? " " + s : "该语句")}：它不是查询。{QueryHintZh}表函数请写成 SELECT * FROM f(…)；PIVOT 需要写出 IN 列表。",
            (SqlRefusal.Explain, false) => $"EXPLAIN is allowed of one read-only query only, with the options ANALYZE and FORMAT (text, json, html, graphviz, yaml); '{s}' is not that.",
            (SqlRefusal.Explain, true) => $"EXPLAIN 只能用于一条只读查询，可选项为 ANALYZE 和 FORMAT（text、json、html、graphviz、yaml）；“{s}”不符合。",
            (SqlRefusal.Function, false) => $"The function {s}() is refused: it changes the engine's state, touches files or discloses the server. The console allows the catalog functions (duckdb_tables(), duckdb_columns(), …), ranges, unnest and JSON; docs/sql-console.md lists them.",
            (SqlRefusal.Function, true) => $"不允许函数 {s}()：它会改变引擎状态、访问文件或泄露服务器信息。控制台允许目录函数（duckdb_tables()、duckdb_columns() 等）、range、unnest 和 JSON 函数；完整列表见 docs/sql-console.md。",
            (SqlRefusal.SystemView, false) => $"The system view {s} is refused: it discloses the server (paths, settings, logs). Query duckdb_tables(), duckdb_columns() or information_schema instead.",
            (SqlRefusal.SystemView, true) => $"不允许系统视图 {s}：它会泄露服务器信息（路径、设置、日志）。请改为查询 duckdb_tables()、duckdb_columns() 或 information_schema。",
            (SqlRefusal.Antiforgery, false) => "The form had expired or did not come from this page. Reload the page and run the query again.",
            (SqlRefusal.Antiforgery, true) => "表单已过期或并非来自本页面，请刷新页面后重新运行查询。",
            (SqlRefusal.Oversize, false) => $"The request is larger than the console accepts ({s}). Shorten the query.",
            (SqlRefusal.Oversize, true) => $"请求超过控制台允许的大小（{s}），请缩短查询。",
            _ => chinese ? "查询被拒绝。" + QueryHintZh : "The query was refused. " + QueryHintEn,
        };
    }

    /// <summary>The message of a problem (without DuckDB's own detail, which callers show beside it).</summary>
    public static string Problem(SqlProblem problem, bool chinese)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var s = problem.Subject ?? "";
        return (problem.Kind, chinese) switch
        {
            (SqlProblemKind.Refused, _) => Refusal(problem.Refusal ?? SqlRefusal.NotAQuery, problem.Subject, chinese),
            (SqlProblemKind.Syntax, false) => "DuckDB could not parse the query (syntax error); its message says where.",
            (SqlProblemKind.Syntax, true) => "DuckDB 无法解析该查询（语法错误），下方原文指出了位置。",
            (SqlProblemKind.Query, false) => "DuckDB reported an error in the query (for example an unknown table or column, or a value that does not convert).",
            (SqlProblemKind.Query, true) => "DuckDB 报告查询出错（例如表或列不存在，或数值无法转换）。",
            (SqlProblemKind.TimedOut, false) => $"The query ran longer than its time limit of {s} s and was stopped. Narrow it (filters, LIMIT, fewer joins).",
            (SqlProblemKind.TimedOut, true) => $"查询运行超过 {s} 秒的时间限制，已被停止。请缩小范围（加筛选、LIMIT 或减少连接）。",
            (SqlProblemKind.MemoryLimit, false) => $"The query needed more memory than its limit of {s} and was stopped. Aggregate or filter before joining or sorting.",
            (SqlProblemKind.MemoryLimit, true) => $"查询所需内存超过 {s} 的限制，已被停止。请在连接或排序之前先聚合或筛选。",
            (SqlProblemKind.TempLimit, false) => $"The query needed more temporary disk space than its budget of {s} (a large sort or join) and was stopped. Aggregate or filter first, or add a LIMIT.",
            (SqlProblemKind.TempLimit, true) => $"查询所需临时磁盘空间超过 {s} 的额度（大规模排序或连接），已被停止。请先聚合或筛选，或加 LIMIT。",
            (SqlProblemKind.TooLarge, false) => $"The result grew past its size cap of {s} and was not written. Narrow the query or select fewer columns.",
            (SqlProblemKind.TooLarge, true) => $"结果超过 {s} 的大小上限，未写出。请缩小查询范围或选择更少的列。",
            (SqlProblemKind.WorkerFailed, false) => "The process running the query ended without an answer (it crashed or was stopped). Nothing else was affected; run the query again, or narrow it if it happens again.",
            (SqlProblemKind.WorkerFailed, true) => "运行该查询的进程未返回结果就结束了（崩溃或被终止）。其他查询不受影响；请重新运行，如仍出现请缩小查询范围。",
            (SqlProblemKind.Busy, false) => $"Every query worker stayed busy for {s} s. Try again in a moment.",
            (SqlProblemKind.Busy, true) => $"所有查询进程已连续忙碌 {s} 秒，请稍后再试。",
            (SqlProblemKind.Unavailable, false) => "No warehouse snapshot is available to query yet.",
            (SqlProblemKind.Unavailable, true) => "暂无可查询的数仓快照。",
            (SqlProblemKind.Cancelled, false) => "The query was cancelled.",
            (SqlProblemKind.Cancelled, true) => "查询已取消。",
            _ => chinese ? "查询失败。" : "The query failed.",
        };
    }

    /// <summary>The note under a result cut by a cap.</summary>
    public static string Truncated(Results.Truncation truncation, long rows, string cap, bool chinese) => (truncation, chinese) switch
    {
        (Results.Truncation.Rows, false) => $"The result holds only its first {Count(rows)} rows: the query has more and was cut at the row cap ({cap}). Narrow the query or aggregate.",
        (Results.Truncation.Rows, true) => $"结果只含前 {Count(rows)} 行：查询结果更多，已在行数上限（{cap}）处截断。请缩小查询范围或先聚合。",
        (Results.Truncation.Bytes, false) => $"The result holds only its first {Count(rows)} rows: it was cut at the size cap ({cap}). Select fewer or shorter columns.",
        (Results.Truncation.Bytes, true) => $"结果只含前 {Count(rows)} 行：已在大小上限（{cap}）处截断。请选择更少或更短的列。",
        _ => "",
    };

    /// <summary>A byte count as people write it: 64 MB, 512 KB.</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 when bytes % (1L << 30) == 0 => $"{bytes >> 30} GB",
        >= 1L << 20 => $"{Math.Round(bytes / (double)(1L << 20), 1).ToString(CultureInfo.InvariantCulture)} MB",
        >= 1L << 10 => $"{Math.Round(bytes / (double)(1L << 10), 1).ToString(CultureInfo.InvariantCulture)} KB",
        _ => $"{bytes.ToString(CultureInfo.InvariantCulture)} B",
    };

    internal static string Snake(string pascal)
    {
        var sb = new StringBuilder();
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && sb.Length > 0)
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    private static string Count(string s) => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? Count(n) : s;

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
