import Foundation
import RepairCore

// The staff's order queue: approved orders per location, filtered by status,
// with the names a list shows, in one query.
extension SQLiteStore {
    /// One line of the staff queue.
    public struct QueueEntry: Sendable, Hashable {
        public var order: ServiceOrder
        public var customerName: String
        /// Manufacturer and model, e.g. `Apple iPhone 13`.
        public var device: String
        public var locationName: String
        /// The current service agent's display name, if one is assigned.
        public var agentName: String?
    }

    /// Most queue lines one call returns (default 200); pages ask for more with `offset`.
    public static let maxQueueLimit = 200

    /// The statuses the queue shows when no filter is given: every open status except drafts.
    public static let defaultQueueStatuses: [OrderStatus] = OrderStatus.allCases.filter { $0.isOpen && $0 != .draft }

    /// Approved orders, oldest first; `locationID` narrows to one location, `statuses` to some statuses.
    ///
    /// Drafts are never listed: they are the customer's until approved.
    public func staffQueue(
        locationID: Int64? = nil, statuses: [OrderStatus] = [], limit: Int = maxQueueLimit, offset: Int = 0
    ) throws -> [QueueEntry] {
        let wanted = (statuses.isEmpty ? Self.defaultQueueStatuses : statuses).filter { $0 != .draft }
        guard !wanted.isEmpty else { return [] }
        // One placeholder per status: the values are still bound, never spliced into the SQL.
        let placeholders = Array(repeating: "?", count: wanted.count).joined(separator: ", ")
        var sql = """
            SELECT \(Self.prefixed(Rows.orderColumns, "o")), c.name, m.manufacturer || ' ' || m.name, l.name, u.display_name
            FROM orders o
            JOIN customers c ON c.id = o.customer_id
            JOIN device_models m ON m.id = o.model_id
            JOIN locations l ON l.id = o.location_id
            LEFT JOIN users u ON u.id = o.assigned_agent_id
            WHERE o.status IN (\(placeholders))
            """
        var values = wanted.map { SQLValue.text($0.rawValue) }
        if let locationID {
            sql += " AND o.location_id = ?"
            values.append(.integer(locationID))
        }
        sql += " ORDER BY o.created_at, o.id LIMIT ? OFFSET ?"
        values += [.integer(Int64(min(max(limit, 0), Self.maxQueueLimit))), .integer(Int64(max(offset, 0)))]
        return try read { db in
            try db.rows(sql, values) { row in
                QueueEntry(
                    order: try Rows.order(row), customerName: row.text(17), device: row.text(18),
                    locationName: row.text(19), agentName: row.optionalText(20))
            }
        }
    }

    /// Staff users (agents and admins) who are active, by name: the choices for "current service agent".
    public func serviceAgents() throws -> [User] {
        try users().filter { $0.role.isStaff && $0.isActive }.sorted { $0.displayName < $1.displayName }
    }

    // `a, b` → `o.a, o.b`, so the shared column list reads from the joined table.
    private static func prefixed(_ columns: String, _ table: String) -> String {
        columns.split(separator: ",").map { "\(table).\($0.trimmingCharacters(in: .whitespacesAndNewlines))" }
            .joined(separator: ", ")
    }
}
