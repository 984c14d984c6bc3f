namespace Analytics.Delivery;

/// <summary>Delivery settings (section <c>Analytics:Delivery</c>).</summary>
public sealed class DeliveryOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Analytics:Delivery";

    /// <summary>Deliver at all (default on; off turns the worker off, the subscriptions stay).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The delivery database (default: <c>delivery.db</c> next to the accounts database).</summary>
    public string? Database { get; set; }

    /// <summary>The dashboard's address as readers reach it, for links in messages (default: the first address it listens on).</summary>
    public string? PublicUrl { get; set; }

    /// <summary>How often the worker looks for a new snapshot, due schedules and due deliveries, in seconds.</summary>
    public double PollSeconds { get; set; } = 15;

    /// <summary>Attempts before a delivery is given up.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after the first failure, in seconds; doubled after each further one.</summary>
    public double RetrySeconds { get; set; } = 30;

    /// <summary>The longest wait between attempts, in seconds.</summary>
    public double MaxRetrySeconds { get; set; } = 3600;

    /// <summary>The SMTP server.</summary>
    public SmtpOptions Smtp { get; set; } = new();
}

/// <summary>The SMTP server messages go through (MailKit).</summary>
public sealed class SmtpOptions
{
    /// <summary>Host name; empty: e-mail subscriptions wait (logged) until one is set.</summary>
    public string? Host { get; set; }

    /// <summary>Port (587 submission with STARTTLS, 465 implicit TLS, 25 relay).</summary>
    public int Port { get; set; } = 587;

    /// <summary><c>auto</c> (by port), <c>starttls</c>, <c>tls</c> (implicit, 465), <c>starttls-if-offered</c> or <c>none</c> (a relay on loopback).</summary>
    public string Security { get; set; } = "auto";

    /// <summary>User name, when the server wants one.</summary>
    public string? User { get; set; }

    /// <summary>Password (set it from the environment: <c>Analytics__Delivery__Smtp__Password</c>).</summary>
    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>"中小企业创新监测 &lt;briefs@example.gov.cn&gt;"</c>.</summary>
    public string From { get; set; } = "Analytics <analytics@localhost>";

    /// <summary>Time limit of one SMTP exchange, in seconds.</summary>
    public int TimeoutSeconds { get; set; } = 60;
}
