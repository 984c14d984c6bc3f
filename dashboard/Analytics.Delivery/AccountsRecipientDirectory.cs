using Analytics.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Delivery;

/// <summary>
/// Recipients as the accounts database knows them at the moment of deciding or sending: a removed, disabled (locked)
/// or role-less account receives nothing, and a changed role or district changes what the next message contains.
/// </summary>
public sealed class AccountsRecipientDirectory(IServiceScopeFactory scopes) : IRecipientDirectory
{
    /// <inheritdoc />
    public async Task<Recipient?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AnalyticsUser>>();
        var user = await users.FindByNameAsync(userName).ConfigureAwait(false);
        if (user is null || await users.IsLockedOutAsync(user).ConfigureAwait(false))
        {
            return null;
        }

        var role = await scope.ServiceProvider.GetRequiredService<AccountStore>().RoleOfAsync(user).ConfigureAwait(false);
        return Roles.IsRole(role) ? new Recipient(user.UserName!, role!, user.District) : null;
    }
}
