using JobMarket.Warehouse.Runner.Cli;

return await CliApplication.RunAsync(args);
