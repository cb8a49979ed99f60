import Foundation

// Which constraint a violation broke, read in one place: the extended result code says the kind, and
// for UNIQUE and PRIMARY KEY SQLite's message names the key as `UNIQUE constraint failed: t.a, t.b`;
// PostgreSQL names the constraint itself (SQLSTATE 23505 and `KnownConstraint.postgresName`).
extension DatabaseError {
    /// The table and columns of the UNIQUE or PRIMARY KEY key a violation names; nil for any other error.
    public var uniqueKey: (table: String, columns: [String])? {
        guard isUniqueViolation else { return nil }
        let prefixes = ["UNIQUE constraint failed: ", "PRIMARY KEY constraint failed: "]
        guard let prefix = prefixes.first(where: { message.hasPrefix($0) }) else { return nil }
        var table: String?
        var columns: [String] = []
        for part in message.dropFirst(prefix.count).split(separator: ",") {
            let qualified = part.trimmingCharacters(in: .whitespaces).split(separator: ".", maxSplits: 1)
            guard qualified.count == 2, table == nil || table == String(qualified[0]) else { return nil }
            table = String(qualified[0])
            columns.append(String(qualified[1]))
        }
        return table.map { ($0, columns) }
    }

    /// The known key a UNIQUE violation clashed with (see `KnownConstraint`); nil for any other error.
    public var knownConstraint: KnownConstraint? {
        if sqlState != nil {
            guard isUniqueViolation, let constraintName else { return nil }
            return KnownConstraint(postgresName: constraintName)
        }
        return uniqueKey.flatMap { KnownConstraint(table: $0.table, columns: $0.columns) }
    }
}
