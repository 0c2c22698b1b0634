namespace JobMarket.Warehouse.Runner.Metabase;

/// <summary>
/// Secrets from the environment only: <c>MB_ADMIN_EMAIL</c> + <c>MB_ADMIN_PASSWORD</c> (also used
/// for first-run setup) or <c>MB_API_KEY</c>, and <c>JOBMARKET_READER_PASSWORD</c> for the warehouse
/// connection. <see cref="ToString"/> never shows a secret.
/// </summary>
internal sealed record MetabaseCredentials(string? AdminEmail, string? AdminPassword, string? ApiKey, string? ReaderPassword)
{
    public const string AdminEmailVariable = "MB_ADMIN_EMAIL";
    public const string AdminPasswordVariable = "MB_ADMIN_PASSWORD";
    public const string ApiKeyVariable = "MB_API_KEY";
    public const string ReaderPasswordVariable = "JOBMARKET_READER_PASSWORD";

    public bool HasAdminLogin => !string.IsNullOrEmpty(AdminEmail) && !string.IsNullOrEmpty(AdminPassword);

    public static MetabaseCredentials FromEnvironment(Func<string, string?>? read = null)
    {
        read ??= Environment.GetEnvironmentVariable;
        string? Value(string name) => read(name) is { Length: > 0 } v ? v : null;
        return new MetabaseCredentials(Value(AdminEmailVariable), Value(AdminPasswordVariable), Value(ApiKeyVariable), Value(ReaderPasswordVariable));
    }

    public void Validate()
    {
        if (!HasAdminLogin && string.IsNullOrEmpty(ApiKey))
        {
            throw new WarehouseException(
                $"no Metabase credentials: set {ApiKeyVariable}, or {AdminEmailVariable} and {AdminPasswordVariable}");
        }
        if (string.IsNullOrEmpty(AdminEmail) != string.IsNullOrEmpty(AdminPassword))
        {
            throw new WarehouseException($"set both {AdminEmailVariable} and {AdminPasswordVariable}, or neither");
        }
    }

    public override string ToString() =>
        $"MetabaseCredentials {{ AdminEmail = {AdminEmail ?? "(unset)"}, AdminPassword = {Mask(AdminPassword)}, ApiKey = {Mask(ApiKey)}, ReaderPassword = {Mask(ReaderPassword)} }}";

    private static string Mask(string? secret) => secret is null ? "(unset)" : "****";
}
