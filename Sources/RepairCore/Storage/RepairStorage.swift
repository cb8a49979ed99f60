/// Every store protocol: what a backend (SQLite today, PostgreSQL later) implements for the portal, the CLI
/// and the use cases. Adapters hold `any RepairStorage`, or only the protocols they use.
public typealias RepairStorage = RepairRepository & ShipmentRepository & ShipmentDocumentRepository
    & StaffQueueRepository & AdminRepository & AuditRepository & LabelTemplateRepository & AccountRepository
    & OutboxRepository & SessionRepository & APITokenRepository & SettingsRepository & PreferencesRepository
    & PasswordRepository & FixtureLoading & ReadSharing & StoreStatisticsSource
