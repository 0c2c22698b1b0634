namespace JobMarket.Warehouse.Runner.Exports;

/// <summary>A request that cannot run: an unknown export or parameter, a missing or mistyped value.</summary>
internal sealed class ExportRequestException(string message) : WarehouseException(message);
