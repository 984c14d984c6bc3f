using Analytics.Cli;

return await AnalyticsCommand.InvokeAsync(args);
