using System.Net;
using Npgsql;

namespace JobMarket.Warehouse.Runner.Pipeline;

/// <summary>Which failures are worth running a step again: the database or an API was briefly unreachable.</summary>
internal static class TransientFailure
{
    public static bool IsTransient(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case NpgsqlException { IsTransient: true }:
                case TimeoutException:
                case HttpRequestException { StatusCode: null }:
                case HttpRequestException { StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout }:
                case HttpRequestException { StatusCode: >= HttpStatusCode.InternalServerError }:
                    return true;
                case NpgsqlException:
                case HttpRequestException:
                    return false;
            }
        }
        return false;
    }
}
