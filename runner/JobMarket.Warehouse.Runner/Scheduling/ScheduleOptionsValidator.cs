using JobMarket.Warehouse.Runner.Pipeline;
using Microsoft.Extensions.Options;

namespace JobMarket.Warehouse.Runner.Scheduling;

/// <summary>Checks every job at start (ValidateOnStart): a bad cron, time zone or command fails the host naming the job.</summary>
internal sealed class ScheduleOptionsValidator : IValidateOptions<ScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduleOptions options)
    {
        var errors = Errors(options).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static IEnumerable<string> Errors(ScheduleOptions options)
    {
        if (options.Jobs.Count == 0)
        {
            yield return "Schedule:Jobs is empty: configure at least one job (name, cron, timeZone, command)";
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Jobs.Count; i++)
        {
            var job = options.Jobs[i];
            var label = string.IsNullOrWhiteSpace(job.Name) ? $"Schedule:Jobs:{i}" : $"job '{job.Name}' (Schedule:Jobs:{i})";
            if (string.IsNullOrWhiteSpace(job.Name))
            {
                yield return $"{label}: name is required";
            }
            else if (!seen.Add(job.Name))
            {
                yield return $"{label}: another job has the same name";
            }
            if (CronSchedule.TryParse(job.Cron, job.TimeZone, out var error) is null)
            {
                yield return $"{label}: {error}";
            }
            if (!PipelineStepCatalog.Commands.Contains(job.Command))
            {
                yield return $"{label}: command '{job.Command}' is not one of {string.Join(", ", PipelineStepCatalog.Commands)}";
            }
        }
    }
}
