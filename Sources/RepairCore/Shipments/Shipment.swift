import Foundation

/// A reseller's parcel of confirmed orders going to one location by one shipping method.
public struct Shipment: Sendable, Hashable {
    public var id: Int64
    /// The reseller (customer) sending it.
    public var customerID: Int64
    /// The (location, method) every order of the shipment shares.
    public var group: ShipmentGroupKey
    public var status: ShipmentStatus
    /// The orders, in the order they were added (the packing list keeps it).
    public var orderIDs: [Int64]
    public var createdByUserID: Int64
    public var createdAt: Date
    public var updatedAt: Date
    /// When the reseller confirmed it (the date on the packing list and label).
    public var confirmedAt: Date?
    /// Parcels in the shipment, printed on the label.
    public var parcelCount: Int
    /// Total weight in kilograms, when the reseller gave it.
    public var weightKg: Double?
    /// The carrier's tracking details, recorded after confirmation.
    public var carrier: CarrierTracking?

    /// Makes a shipment.
    public init(
        id: Int64, customerID: Int64, group: ShipmentGroupKey, status: ShipmentStatus = .draft, orderIDs: [Int64],
        createdByUserID: Int64, createdAt: Date, updatedAt: Date? = nil, confirmedAt: Date? = nil,
        parcelCount: Int = 1, weightKg: Double? = nil, carrier: CarrierTracking? = nil
    ) {
        self.id = id
        self.customerID = customerID
        self.group = group
        self.status = status
        self.orderIDs = orderIDs
        self.createdByUserID = createdByUserID
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.confirmedAt = confirmedAt
        self.parcelCount = parcelCount
        self.weightKg = weightKg
        self.carrier = carrier
    }

    /// The shipment id people see, on the label and as its barcode: `SH-000042`.
    public var reference: String { Self.reference(for: id) }

    /// The reference for a shipment row ID: `SH-` and at least six digits.
    public static func reference(for id: Int64) -> String {
        let digits = String(id)
        return "SH-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// The row ID in a reference (`SH-000042` → 42), or nil if it is not one.
    public static func id(fromReference text: String) -> Int64? {
        let upper = text.uppercased()
        guard upper.hasPrefix("SH-") else { return nil }
        let digits = upper.dropFirst(3)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return Int64(digits).flatMap { $0 > 0 ? $0 : nil }
    }

    /// The weight as printed: `4.5 kg`; nil when unknown.
    public var weightText: String? {
        weightKg.map { Self.formatWeight($0) }
    }

    /// Formats kilograms with at most one decimal and no locale (`4.5 kg`, `12 kg`).
    public static func formatWeight(_ kilograms: Double) -> String {
        let tenths = Int64((kilograms * 10).rounded())
        let whole = tenths / 10
        let fraction = tenths % 10
        return fraction == 0 ? "\(whole) kg" : "\(whole).\(fraction) kg"
    }
}

/// The key shipments group orders by: the service location and the shipping method chosen at intake.
public struct ShipmentGroupKey: Sendable, Hashable, Comparable, Codable {
    public var locationID: Int64
    public var methodID: Int64

    /// Makes a key.
    public init(locationID: Int64, methodID: Int64) {
        self.locationID = locationID
        self.methodID = methodID
    }

    /// The key of an order.
    public init(_ order: ServiceOrder) {
        self.init(locationID: order.intake.locationID, methodID: order.intake.methodID)
    }

    public static func < (lhs: ShipmentGroupKey, rhs: ShipmentGroupKey) -> Bool {
        (lhs.locationID, lhs.methodID) < (rhs.locationID, rhs.methodID)
    }
}
