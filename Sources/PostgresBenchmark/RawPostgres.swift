import CPostgres
import Foundation
import RepairStore

/// The statements of an approval and of a tracking look-up, straight on libpq: the floor the store is measured
/// against.
final class RawPostgres {
    private let connection: OpaquePointer
    private var prepared: Set<String> = []

    init(url: String) throws {
        connection = PQconnectdb(url)
        guard PQstatus(connection) == CONNECTION_OK else { throw BenchmarkError(String(cString: PQerrorMessage(connection))) }
    }

    deinit { PQfinish(connection) }

    /// The same reads and writes as the store's approval, in one SERIALIZABLE transaction.
    func approve(orderID: Int64, userID: Int64, at now: Double) throws {
        try exec("BEGIN ISOLATION LEVEL SERIALIZABLE")
        let order = try run(
            """
            SELECT id, number, customer_id, created_by, model_id, serial, fault, location_id, method_id,
            contact_first_name, contact_surname, contact_email, contact_phone, status, assigned_agent_id,
            created_at, updated_at FROM orders WHERE id = $1
            """, [String(orderID)])
        let customerID = String(cString: PQgetvalue(order, 0, 2))
        PQclear(order)
        PQclear(try run("SELECT task_id, kind, value FROM order_answers WHERE order_id = $1", [String(orderID)]))
        let customer = try run("SELECT id, name, kind, is_reseller, address FROM customers WHERE id = $1", [customerID])
        let isReseller = String(cString: PQgetvalue(customer, 0, 3)) != "0"
        PQclear(customer)
        PQclear(
            try run(
                "SELECT id, text, kind, choices, is_filled_by_customer, is_required_in_portal, scope, scope_ids FROM tasks ORDER BY id",
                []))
        let status = isReseller ? "confirmed" : "submitted"
        PQclear(
            try run(
                "UPDATE orders SET status = $1, updated_at = $2 WHERE id = $3 AND status = 'draft'",
                [status, "\(now)", String(orderID)]))
        PQclear(
            try run(
                """
                INSERT INTO order_events (order_id, at, actor_id, from_status, to_status, note, is_public)
                VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id
                """, [String(orderID), "\(now)", String(userID), "draft", status, "approved", "1"]))
        try exec("COMMIT")
    }

    /// Tracking's query for `number`; whether it named a real order.
    func tracking(number: String) throws -> Bool {
        let result = try run(
            PostgresStoreSQL.tracking, [number, String(TrackingQuery.standInSeed(number))])
        defer { PQclear(result) }
        return PQntuples(result) == 1 && String(cString: PQgetvalue(result, 0, 0)) == "t"
    }

    private func exec(_ sql: String) throws {
        let result = PQexec(connection, sql)
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_COMMAND_OK else { throw BenchmarkError(String(cString: PQerrorMessage(connection))) }
    }

    private func run(_ sql: String, _ values: [String]) throws -> OpaquePointer? {
        let name = "r\(sql.hashValue & 0xFFFF_FFFF)"
        if !prepared.contains(name) {
            let result = PQprepare(connection, name, sql, Int32(values.count), nil)
            defer { PQclear(result) }
            guard PQresultStatus(result) == PGRES_COMMAND_OK else {
                throw BenchmarkError(String(cString: PQerrorMessage(connection)))
            }
            prepared.insert(name)
        }
        let copies = values.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        let pointers = copies.map { UnsafePointer($0) }
        let result = PQexecPrepared(connection, name, Int32(values.count), pointers, nil, nil, 0)
        let status = PQresultStatus(result)
        guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK else {
            let message = String(cString: PQerrorMessage(connection))
            PQclear(result)
            throw BenchmarkError(message)
        }
        return result
    }
}

/// Tracking's statement with PostgreSQL's placeholders, as the store's connection sends it.
enum PostgresStoreSQL {
    static let tracking = TrackingQuery.sql.replacingOccurrences(of: "?1", with: "$1")
        .replacingOccurrences(of: "?2", with: "$2")
}

struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
