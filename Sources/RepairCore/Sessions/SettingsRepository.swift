/// Key-value settings a server keeps in its database (e.g. the server secret).
public protocol SettingsRepository: Sendable {
    /// The value stored under `key`; when there is none, stores and returns `makeValue()`, in one transaction,
    /// so two processes starting at once agree on one value.
    func setting(_ key: String, storingIfAbsent makeValue: () -> String) throws -> String
}
