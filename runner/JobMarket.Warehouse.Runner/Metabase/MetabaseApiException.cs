using System.Net;

namespace JobMarket.Warehouse.Runner.Metabase;

/// <summary>A Metabase API call that failed: method, path, status and Metabase's own message (never the request body).</summary>
internal sealed class MetabaseApiException(string method, string path, HttpStatusCode status, string detail)
    : WarehouseException(Describe(method, path, status, detail))
{
    public HttpStatusCode Status { get; } = status;

    private static string Describe(string method, string path, HttpStatusCode status, string detail)
    {
        var call = $"Metabase {method} {path}: HTTP {(int)status}";
        return status is HttpStatusCode.Unauthorized
            ? $"{call}: Metabase refused the credentials ({detail}); check {MetabaseCredentials.ApiKeyVariable}, or {MetabaseCredentials.AdminEmailVariable} and {MetabaseCredentials.AdminPasswordVariable}"
            : $"{call}: {detail}";
    }
}
