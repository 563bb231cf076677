using Stepwise.Cli;

return await StepwiseCli.Create().Parse(args).InvokeAsync();
