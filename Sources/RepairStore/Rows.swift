import Foundation
import RepairCore

// Each table has one column list, used to select, insert and update it; its reader reads by column
// name and its values follow the list, so the three cannot drift apart.
enum Rows {
    /// `INSERT INTO table (columns) VALUES (?, …)`, one placeholder per column of the list.
    static func insertSQL(_ table: String, _ columns: String) -> String {
        let placeholders = Array(repeating: "?", count: names(columns).count).joined(separator: ", ")
        return "INSERT INTO \(table) (\(columns)) VALUES (\(placeholders))"
    }

    /// `UPDATE table SET b = ?, c = ? WHERE a = ?` for a list `a, b, c` whose first column is the key.
    static func updateSQL(_ table: String, _ columns: String) -> String {
        let all = names(columns)
        return "UPDATE \(table) SET \(all.dropFirst().map { "\($0) = ?" }.joined(separator: ", ")) WHERE \(all[0]) = ?"
    }

    /// The values of an update made by `updateSQL`: the list's values after the key, then the key.
    static func updateValues(_ values: [SQLValue]) -> [SQLValue] { Array(values.dropFirst()) + [values[0]] }

    /// `a, b` → `o.a, o.b`, so a column list reads from a joined table.
    static func prefixed(_ columns: String, _ alias: String) -> String {
        names(columns).map { "\(alias).\($0)" }.joined(separator: ", ")
    }

    static func names(_ columns: String) -> [String] {
        columns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    // An ID of 0 means "let the database assign one".
    static func idValue(_ id: Int64) -> SQLValue { id == 0 ? .null : .integer(id) }

    static func time(_ date: Date) -> SQLValue { .real(date.timeIntervalSince1970) }

    static func time(_ date: Date?) -> SQLValue { date.map(time) ?? .null }

    static func enumValue<T: RawRepresentable>(_ text: String, _ column: String) throws -> T
    where T.RawValue == String {
        guard let value = T(rawValue: text) else { throw corrupt(column, text) }
        return value
    }

    static func corrupt(_ column: String, _ value: String) -> DatabaseError {
        DatabaseError(code: 11, message: "unexpected value '\(value)' in \(column)")
    }
}
