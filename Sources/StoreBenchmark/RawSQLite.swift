import CSQLite
import RepairStore

/// The baseline: the store's statements through the C API directly, no wrapper.
final class RawSQLite {
    private let db: OpaquePointer
    private var statements: [String: OpaquePointer] = [:]
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(path: String) throws {
        var handle: OpaquePointer?
        guard sqlite3_open(path, &handle) == SQLITE_OK, let handle else { throw RawError(message: "open \(path)") }
        db = handle
        for pragma in ["PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"] {
            try exec(pragma)
        }
    }

    deinit {
        for statement in statements.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(db)
    }

    /// What `SQLiteStore.approve` does: read order, answers, customer, tasks; update; append the event.
    ///
    /// Returns the characters read, so the reads cannot be optimised away.
    @discardableResult
    func approve(orderID: Int64, userID: Int64, at now: Double) throws -> Int {
        try stepOnce("BEGIN IMMEDIATE")
        let order = try prepared(
            """
            SELECT id, number, customer_id, created_by, model_id, serial, fault, location_id, method_id, \
            contact_first_name, contact_surname, contact_email, contact_phone, status, assigned_agent_id, \
            created_at, updated_at FROM orders WHERE id = ?
            """)
        sqlite3_bind_int64(order, 1, orderID)
        guard sqlite3_step(order) == SQLITE_ROW else { throw RawError(message: "no order \(orderID)") }
        let customerID = sqlite3_column_int64(order, 2)
        var strings = 0
        for column in Int32(0)...16 where sqlite3_column_type(order, column) == SQLITE_TEXT {
            strings += String(cString: sqlite3_column_text(order, column)).count
        }
        sqlite3_reset(order)
        let answers = try prepared("SELECT task_id, kind, value FROM order_answers WHERE order_id = ?")
        sqlite3_bind_int64(answers, 1, orderID)
        while sqlite3_step(answers) == SQLITE_ROW { strings += String(cString: sqlite3_column_text(answers, 2)).count }
        sqlite3_reset(answers)
        let customer = try prepared("SELECT id, name, kind, is_reseller, address FROM customers WHERE id = ?")
        sqlite3_bind_int64(customer, 1, customerID)
        guard sqlite3_step(customer) == SQLITE_ROW else { throw RawError(message: "no customer") }
        let isReseller = sqlite3_column_int64(customer, 3) != 0
        sqlite3_reset(customer)
        let tasks = try prepared(
            "SELECT id, text, kind, choices, is_filled_by_customer, is_required_in_portal, scope, scope_ids FROM tasks ORDER BY id"
        )
        while sqlite3_step(tasks) == SQLITE_ROW { strings += String(cString: sqlite3_column_text(tasks, 1)).count }
        sqlite3_reset(tasks)
        let status = isReseller ? "confirmed" : "submitted"
        let update = try prepared("UPDATE orders SET status = ?, updated_at = ? WHERE id = ? AND status = 'draft'")
        sqlite3_bind_text(update, 1, status, -1, Self.transient)
        sqlite3_bind_double(update, 2, now)
        sqlite3_bind_int64(update, 3, orderID)
        guard sqlite3_step(update) == SQLITE_DONE else { throw RawError(message: "update") }
        sqlite3_reset(update)
        let event = try prepared(
            "INSERT INTO order_events (order_id, at, actor_id, from_status, to_status, note, is_public) VALUES (?, ?, ?, ?, ?, ?, ?)"
        )
        sqlite3_bind_int64(event, 1, orderID)
        sqlite3_bind_double(event, 2, now)
        sqlite3_bind_int64(event, 3, userID)
        sqlite3_bind_text(event, 4, "draft", -1, Self.transient)
        sqlite3_bind_text(event, 5, status, -1, Self.transient)
        sqlite3_bind_text(event, 6, "approved", -1, Self.transient)
        sqlite3_bind_int64(event, 7, 1)
        guard sqlite3_step(event) == SQLITE_DONE else { throw RawError(message: "insert event") }
        sqlite3_reset(event)
        try stepOnce("COMMIT")
        return strings
    }

    /// The tracking query, reading the same columns into Swift strings.
    func tracking(number: String) throws -> Bool {
        // The store's own statement text, so both sides run exactly the same SQL.
        let statement = try prepared(SQLiteStore.trackingSQL)
        sqlite3_bind_text(statement, 1, number, -1, Self.transient)
        sqlite3_bind_int64(statement, 2, SQLiteStore.trackingStandInSeed(number))
        defer { sqlite3_reset(statement) }
        guard sqlite3_step(statement) == SQLITE_ROW else { return false }
        var fields: [String?] = []
        for column in Int32(0)...9 {
            fields.append(sqlite3_column_text(statement, column).map { String(cString: $0) })
        }
        return !fields.isEmpty
    }

    private func prepared(_ sql: String) throws -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw RawError(message: String(cString: sqlite3_errmsg(db)))
        }
        statements[sql] = statement
        return statement
    }

    // BEGIN and COMMIT prepared once, as the store does.
    private func stepOnce(_ sql: String) throws {
        let statement = try prepared(sql)
        defer { sqlite3_reset(statement) }
        guard sqlite3_step(statement) == SQLITE_DONE else {
            throw RawError(message: String(cString: sqlite3_errmsg(db)))
        }
    }

    private func exec(_ sql: String) throws {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else {
            throw RawError(message: String(cString: sqlite3_errmsg(db)))
        }
    }
}

struct RawError: Error {
    var message: String
}
