/// The UNIQUE keys a person can clash with, each with the field a problem names: the one table that turns
/// a constraint violation into `Problem.conflict` on the right field.
///
/// Matched on the extended result code and the table and columns SQLite names (`DatabaseError.uniqueKey`),
/// never on other words of the message.
public enum KnownConstraint: String, Sendable, CaseIterable {
    case userEmail
    case orderNumber
    case locationName
    case shippingMethodName
    case deviceModelName

    /// The table the key is on.
    public var table: String {
        switch self {
        case .userEmail: "users"
        case .orderNumber: "orders"
        case .locationName: "locations"
        case .shippingMethodName: "shipping_methods"
        case .deviceModelName: "device_models"
        }
    }

    /// The key's columns, in the order SQLite lists them.
    public var columns: [String] {
        switch self {
        case .userEmail: ["email"]
        case .orderNumber: ["number"]
        case .locationName, .shippingMethodName: ["name"]
        case .deviceModelName: ["manufacturer", "name"]
        }
    }

    /// The constraint's name in the PostgreSQL schema (`PostgresStore`'s migrations name each key so).
    public var postgresName: String { "\(table)_\(columns.joined(separator: "_"))_key" }

    /// The known constraint PostgreSQL calls `name`, if any.
    public init?(postgresName name: String) {
        guard let match = Self.allCases.first(where: { $0.postgresName == name }) else { return nil }
        self = match
    }

    /// The field of a problem about a clash on this key.
    public var field: String {
        switch self {
        case .userEmail: "email"
        case .orderNumber: "number"
        case .locationName, .shippingMethodName, .deviceModelName: "name"
        }
    }

    /// The known constraint on `table` with exactly `columns`, if any.
    public init?(table: String, columns: [String]) {
        guard let match = Self.allCases.first(where: { $0.table == table && $0.columns == columns }) else {
            return nil
        }
        self = match
    }
}
