using MailKit.Net.Smtp;
using MailKit.Security;

namespace Analytics.Delivery;

/// <summary>Opens a connection to the configured SMTP server (MailKit): connected and signed in, nothing sent yet.</summary>
public static class SmtpConnection
{
    /// <summary>A client connected to <paramref name="options"/>'s server; throws when there is none or it cannot be reached.</summary>
    public static async Task<SmtpClient> OpenAsync(SmtpOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            throw new InvalidOperationException("No SMTP server is configured (Analytics:Delivery:Smtp:Host).");
        }

        var client = new SmtpClient { Timeout = options.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(options.Host, options.Port, Security(options.Security), cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(options.User))
            {
                await client.AuthenticateAsync(options.User, options.Password ?? "", cancellationToken).ConfigureAwait(false);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>The TLS setting a name stands for.</summary>
    public static SecureSocketOptions Security(string? name) => name?.ToUpperInvariant() switch
    {
        null or "" or "AUTO" => SecureSocketOptions.Auto,
        "STARTTLS" => SecureSocketOptions.StartTls,
        "TLS" or "SSL" => SecureSocketOptions.SslOnConnect,
        "STARTTLS-IF-OFFERED" => SecureSocketOptions.StartTlsWhenAvailable,
        "NONE" => SecureSocketOptions.None,
        _ => throw new InvalidOperationException($"Analytics:Delivery:Smtp:Security '{name}' is not one of auto, starttls, tls, starttls-if-offered, none."),
    };
}
