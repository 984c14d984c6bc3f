using Analytics.Accounts;

namespace Analytics.Delivery;

/// <summary>Who a subscription's messages are for, as the accounts know them now: what they may see decides what they get.</summary>
/// <param name="UserName">The account.</param>
/// <param name="Role">viewer, district, analyst or admin.</param>
/// <param name="District">A district official's district.</param>
public sealed record Recipient(string UserName, string Role, string? District)
{
    /// <summary>Whether a withheld (small) cell of <paramref name="districtCode"/> is shown to them whole — the dashboard's rule.</summary>
    public bool Reveals(string districtCode) =>
        Role is Roles.Analyst or Roles.Admin || (Role == Roles.District && string.Equals(District, districtCode, StringComparison.Ordinal));
}

/// <summary>Looks up a subscription's account: null when it no longer exists, is disabled or has no role (nothing is sent then).</summary>
public interface IRecipientDirectory
{
    /// <summary>The account named <paramref name="userName"/>, if it may still receive.</summary>
    Task<Recipient?> FindAsync(string userName, CancellationToken cancellationToken);
}

/// <summary>A brief as a PDF, printed as its recipient sees it.</summary>
/// <param name="Pdf">The document.</param>
/// <param name="FileName">Its file name.</param>
/// <param name="Url">The page it shows, for the message's link.</param>
/// <param name="Title">What the brief is about in the reader's language (a district's name), for the subject; null: the plan and code.</param>
public sealed record RenderedBrief(byte[] Pdf, string FileName, string Url, string? Title = null);

/// <summary>Prints a subscription's brief as its recipient may see it (the dashboard prints its own page as them).</summary>
public interface IBriefRenderer
{
    /// <summary>The brief of <paramref name="subscription"/> for <paramref name="recipient"/>.</summary>
    Task<RenderedBrief> RenderAsync(Subscription subscription, Recipient recipient, CancellationToken cancellationToken);
}
