import RepairCore

/// What anonymous tracking shows: status, device, current agent, location and TAT; nothing personal.
///
/// Built from `TrackingInfo` but without its `contactSurname`, so the surname cannot leak by accident.
public struct TrackingResult: Sendable, Hashable, Encodable {
    public var number: OrderNumber
    public var status: OrderStatus
    public var deviceDescription: String
    /// The current service agent's display name; nil (JSON `null`) before one is assigned.
    public var agentDisplayName: String?
    public var locationName: String
    public var tatDays: Int
    /// The carrier and parcel number of the reseller's shipment the order travels in, once recorded.
    public var carrier: CarrierTracking?

    /// The public part of `info`.
    public init(_ info: TrackingInfo) {
        number = info.number
        status = info.status
        deviceDescription = info.deviceDescription
        agentDisplayName = info.agentDisplayName
        locationName = info.locationName
        tatDays = info.tatDays
        carrier = info.carrier
    }

    /// The JSON keys, always all present (the API's contract and the OpenAPI schema list exactly these).
    public static let jsonKeys: [String] = [
        "agentDisplayName", "carrier", "deviceDescription", "locationName", "number", "status", "statusLabel", "tatDays",
    ]

    private enum CodingKeys: String, CodingKey {
        case agentDisplayName, carrier, deviceDescription, locationName, number, status, statusLabel, tatDays
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        // Encoded as null rather than left out, so clients always see the same keys.
        try container.encode(agentDisplayName, forKey: .agentDisplayName)
        try container.encode(carrier, forKey: .carrier)
        try container.encode(deviceDescription, forKey: .deviceDescription)
        try container.encode(locationName, forKey: .locationName)
        try container.encode(number, forKey: .number)
        try container.encode(status.rawValue, forKey: .status)
        try container.encode(status.label, forKey: .statusLabel)
        try container.encode(tatDays, forKey: .tatDays)
    }
}
