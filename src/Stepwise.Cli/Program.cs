using Stepwise.Cli;

return await StepwiseCli.Parse(args).InvokeAsync();
