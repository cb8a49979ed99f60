import Foundation
import RepairCore

// The staff's order queue: approved orders per location, filtered by status,
// with the names a list shows, in one query.
extension SQLStore {
    /// Approved orders, oldest first; `locationID` narrows to one location, `statuses` to some statuses.
    ///
    /// Drafts are never listed: they are the customer's until approved.
    public func staffQueue(
        locationID: Int64?, statuses: [OrderStatus], limit: Int, offset: Int
    ) throws -> [StaffQueueEntry] {
        let wanted = (statuses.isEmpty ? StaffQueueEntry.defaultStatuses : statuses).filter { $0 != .draft }
        guard !wanted.isEmpty else { return [] }
        // One placeholder per status: the values are still bound, never spliced into the SQL.
        let placeholders = Array(repeating: "?", count: wanted.count).joined(separator: ", ")
        var sql = """
            SELECT \(Rows.prefixed(Rows.orderColumns, "o")), c.name AS customer_name,
                m.manufacturer || ' ' || m.name AS device, l.name AS location_name, u.display_name AS agent_name
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
        values += [.integer(Int64(min(max(limit, 0), StaffQueueEntry.maxLimit))), .integer(Int64(max(offset, 0)))]
        return try read { db in
            try db.rows(sql, values) { row in
                StaffQueueEntry(
                    order: try Rows.order(row), customerName: row.text("customer_name"), device: row.text("device"),
                    locationName: row.text("location_name"), agentName: row.optionalText("agent_name"))
            }
        }
    }

    /// Staff users (agents and admins) who are active, by name: the choices for "current service agent".
    public func serviceAgents(in snapshot: (any ReadSnapshot)?) throws -> [User] {
        try read(in: snapshot) { db in try Self.users(in: db) }
            .filter { $0.role.isStaff && $0.isActive }.sorted { $0.displayName < $1.displayName }
    }
}
