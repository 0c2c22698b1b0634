using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JobMarket.Warehouse.Runner.Scheduling;

/// <summary>Registers the scheduler host's services on top of <c>AddWarehouse</c>.</summary>
internal static class SchedulerServiceCollectionExtensions
{
    public static IServiceCollection AddScheduler(this IServiceCollection services, IConfiguration configuration, Action<ScheduleOptions>? configure = null)
    {
        services.AddOptions<ScheduleOptions>()
            .Bind(configuration.GetSection(ScheduleOptions.Section))
            .Configure(o => configure?.Invoke(o))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScheduleOptions>, ScheduleOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<JobExecutor>();
        services.AddHostedService<SchedulerService>();
        return services;
    }
}
