import RepairCore
import WebSecurity

/// Key-value settings the portal keeps in the store.
enum PortalSettings {
    static let secretKey = "server_secret"

    /// The server secret: read from the database, or made and stored on first start.
    static func loadOrCreateSecret(in store: any SettingsRepository) throws -> ServerSecret {
        let hex = try store.setting(secretKey) { ServerSecret.generate().hexString }
        return try ServerSecret(hex: hex)
    }
}
