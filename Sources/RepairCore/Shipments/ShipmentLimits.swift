/// Bounds on shipment input, each with a documented default.
public struct ShipmentLimits: Sendable, Hashable {
    /// Most orders in one shipment (default 1 000: a pallet, and what the benchmark renders).
    public var maxOrders = 1_000
    /// Most parcels in one shipment (default 99).
    public var maxParcelCount = 99
    /// Heaviest total weight accepted, in kilograms (default 1 000).
    public var maxWeightKg = 1_000.0
    /// Longest carrier name (default 80 characters).
    public var maxCarrierLength = 80
    /// Longest tracking number (default 64 characters).
    public var maxTrackingNumberLength = 64
    /// Longest tracking URL (default 500 characters).
    public var maxTrackingURLLength = 500

    /// The defaults.
    public init() {}

    /// The defaults, by name.
    public static let `default` = ShipmentLimits()
}
