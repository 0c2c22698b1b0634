using Microsoft.Extensions.Logging;

namespace JobMarket.Warehouse.Runner.Logging;

// Synthetic data (jobmarket synth): event ids 6501–6599, inside the models/data range.
internal static partial class Log
{
    [LoggerMessage(EventId = 6501, Level = LogLevel.Information, Message = "Synth day {Day} ({Date}): {Postings} postings listed, {Pages} pages, {Landed} landed, {Duplicates} already there")]
    public static partial void SynthDay(ILogger logger, int day, string date, long postings, long pages, long landed, long duplicates);

    [LoggerMessage(EventId = 6502, Level = LogLevel.Information, Message = "Synth finished: {Postings} postings in {Pages} pages over {Days} day(s) in {Seconds:F1} s")]
    public static partial void SynthFinished(ILogger logger, long postings, long pages, int days, double seconds);

    [LoggerMessage(EventId = 6503, Level = LogLevel.Information, Message = "Wrote {Pages} sample pages ({Postings} postings) for {Source}")]
    public static partial void SamplesWritten(ILogger logger, string source, int pages, int postings);
}
