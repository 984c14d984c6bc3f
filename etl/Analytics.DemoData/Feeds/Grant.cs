namespace Analytics.DemoData.Feeds;

/// <summary>One line of a recognition list.</summary>
internal sealed record Grant(
    RecognitionSpec Spec,
    int Batch,
    string CreditCode,
    string Name,
    string? PersonId,
    string Level,
    DateOnly Granted,
    DateOnly? Expires,
    DateOnly? Revoked,
    string CertificateNo);
