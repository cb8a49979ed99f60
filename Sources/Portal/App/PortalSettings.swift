import RepairStore

/// Key-value settings the portal keeps in its own table (`portal_settings`).
enum PortalSettings {
    static let secretKey = "server_secret"

    /// The server secret: read from the database, or made and stored on first start.
    static func loadOrCreateSecret(in store: SQLiteStore) throws -> ServerSecret {
        let hex = try store.write { db -> String in
            if let stored = try db.firstRow(
                "SELECT value FROM portal_settings WHERE key = ?", [.text(secretKey)], { $0.text(0) })
            {
                return stored
            }
            let fresh = ServerSecret.generate().hexString
            try db.run("INSERT INTO portal_settings (key, value) VALUES (?, ?)", [.text(secretKey), .text(fresh)])
            return fresh
        }
        return try ServerSecret(hex: hex)
    }
}
