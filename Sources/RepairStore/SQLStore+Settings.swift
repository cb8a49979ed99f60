import RepairCore

// Key-value settings in `portal_settings` (the table keeps the name the portal gave it).
extension SQLStore {
    public func setting(_ key: String, storingIfAbsent makeValue: () -> String) throws -> String {
        try write { db -> String in
            if let stored = try db.firstRow(
                "SELECT value FROM portal_settings WHERE key = ?", [.text(key)], { $0.text("value") })
            {
                return stored
            }
            let fresh = makeValue()
            try db.run(Rows.insertSetting, [.text(key), .text(fresh)])
            return fresh
        }
    }
}
