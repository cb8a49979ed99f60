import CPostgres
import RepairStore

/// A statement prepared on one connection: its name there, and what readers learnt about its columns.
final class PostgresStatement {
    let name: String
    let sql: String
    let parameterCount: Int
    /// Whether `RETURNING id` was added (an INSERT into a table with an `id` column).
    let returnsID: Bool
    /// Result column name → index, built at the first read by name.
    var columnIndices: [String: Int32]?
    /// Indices a hot reader resolved once for this statement (see `SQLRow.resolved`).
    var resolvedColumns: Any?

    init(name: String, sql: String, parameterCount: Int, returnsID: Bool) {
        self.name = name
        self.sql = sql
        self.parameterCount = parameterCount
        self.returnsID = returnsID
    }
}

/// One row of a libpq result (text format), valid while the result lives.
struct PostgresRow: SQLRow {
    let result: OpaquePointer?
    let row: Int32
    let statement: PostgresStatement

    func columnIndex(_ name: String) -> Int32 {
        if statement.columnIndices == nil {
            var indices: [String: Int32] = [:]
            for index in 0..<PQnfields(result) {
                let columnName = String(cString: PQfname(result, index))
                if indices[columnName] == nil { indices[columnName] = index }
            }
            statement.columnIndices = indices
        }
        // PostgreSQL folds unquoted names to lower case.
        guard let index = statement.columnIndices?[name] ?? statement.columnIndices?[name.lowercased()] else {
            preconditionFailure("no column \(name) in: \(statement.sql)")
        }
        return index
    }

    func int64(_ index: Int32) -> Int64 {
        guard let value = PQgetvalue(result, row, index) else { return 0 }
        switch value.pointee {
        case CChar(UInt8(ascii: "t")): return 1  // a boolean expression, e.g. `o.number = ?1`
        case CChar(UInt8(ascii: "f")): return 0
        default: return Int64(String(cString: value)) ?? Int64(Double(String(cString: value)) ?? 0)
        }
    }

    func double(_ index: Int32) -> Double {
        guard let value = PQgetvalue(result, row, index) else { return 0 }
        return Double(String(cString: value)) ?? 0
    }

    func text(_ index: Int32) -> String {
        guard let value = PQgetvalue(result, row, index) else { return "" }
        let count = Int(PQgetlength(result, row, index))
        return value.withMemoryRebound(to: UInt8.self, capacity: count) {
            String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
        }
    }

    func isNull(_ index: Int32) -> Bool { PQgetisnull(result, row, index) == 1 }

    func resolved<T>(_ make: (any SQLRow) -> T) -> T {
        if let cached = statement.resolvedColumns as? T { return cached }
        let made = make(self)
        statement.resolvedColumns = made
        return made
    }
}
