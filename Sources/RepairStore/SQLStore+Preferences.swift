import RepairCore

// The shop's defaults (rows of `portal_settings`) and the users' own preferences (`user_preferences`).
extension SQLStore {
    public func shopSetting(_ key: String) throws -> String? {
        try read(in: nil, isSnapshot: false) { db in
            try db.firstRow("SELECT value FROM portal_settings WHERE key = ?", [.text(key)]) { $0.text("value") }
        }
    }

    public func setShopSetting(_ key: String, _ value: String) throws {
        try write { db in try Self.storeShopSetting(key, value, in: db) }
    }

    public func userPreferences(userID: Int64) throws -> UserPreferences? {
        try read(in: nil, isSnapshot: false) { db in
            try db.firstRow(
                "SELECT language, time_zone, page_size FROM user_preferences WHERE user_id = ?", [.integer(userID)]
            ) { row in
                UserPreferences(
                    language: row.optionalText("language"), timeZone: row.optionalText("time_zone"),
                    pageSize: Int(row.int64("page_size")))
            }
        }
    }

    public func saveUserPreferences(_ preferences: UserPreferences, userID: Int64) throws {
        try write { db in
            try db.run(
                """
                INSERT INTO user_preferences (user_id, language, time_zone, page_size) VALUES (?, ?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET
                    language = excluded.language, time_zone = excluded.time_zone, page_size = excluded.page_size
                """,
                [
                    .integer(userID), preferences.language.map(SQLValue.text) ?? .null,
                    preferences.timeZone.map(SQLValue.text) ?? .null, .integer(Int64(preferences.pageSize)),
                ])
        }
    }

    static func storeShopSetting(_ key: String, _ value: String, in db: any SQLConnection) throws {
        try db.run(
            """
            INSERT INTO portal_settings (key, value) VALUES (?, ?)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value
            """,
            [.text(key), .text(value)])
    }
}
