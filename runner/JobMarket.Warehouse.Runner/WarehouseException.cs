namespace JobMarket.Warehouse.Runner;

/// <summary>An expected failure the CLI reports as one clear message and exit code 1.</summary>
internal class WarehouseException(string message, Exception? inner = null) : Exception(message, inner);
