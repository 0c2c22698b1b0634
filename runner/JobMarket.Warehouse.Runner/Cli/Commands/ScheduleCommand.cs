using System.CommandLine;
using JobMarket.Warehouse.Runner.Database;
using JobMarket.Warehouse.Runner.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JobMarket.Warehouse.Runner.Cli.Commands;

/// <summary>
/// <c>jobmarket schedule</c>: the long-running host that runs <c>Schedule:Jobs</c> on their cron
/// schedules, in-process, until SIGTERM or Ctrl+C.
/// </summary>
internal sealed class ScheduleCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var command = new Command("schedule", "Run the jobs of Schedule:Jobs (appsettings.json) on their cron schedules until stopped (SIGTERM, Ctrl+C).");
        command.SetAction(async (parse, ct) =>
        {
            context.Apply(parse);
            // Checked before the database starts: a bad job fails at once, naming the job.
            var configured = context.Configuration.GetSection(ScheduleOptions.Section).Get<ScheduleOptions>() ?? new ScheduleOptions();
            var errors = ScheduleOptionsValidator.Errors(configured).ToList();
            if (errors.Count > 0)
            {
                throw new WarehouseException("invalid schedule:" + string.Concat(errors.Select(e => Environment.NewLine + "  " + e)));
            }

            var connectionString = await WarehouseDatabase.ResolveConnectionStringAsync(
                context.DatabaseOptions, context.Paths, detail => Logging.Log.Embedded(context.LoggerFactory.CreateLogger("JobMarket.Warehouse.Database"), detail), ct);
            using var host = CreateHost(context, connectionString);
            try
            {
                await host.RunAsync(ct);
            }
            catch (OptionsValidationException ex)
            {
                throw new WarehouseException("invalid configuration: " + string.Join("; ", ex.Failures));
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static IHost CreateHost(CliContext context, string connectionString)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = context.Paths.Home,
        });
        builder.Configuration.AddConfiguration(context.Configuration);
        builder.Services.AddSingleton(context.LoggerFactory);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(60));
        WarehouseServices.AddWarehouse(builder.Services, context.Configuration, context.Paths, connectionString);
        builder.Services.AddScheduler(context.Configuration);
        return builder.Build();
    }
}
