import RepairStore
import StoreBackend

/// `repairshop migrate`: applies pending migrations and lists them.
public struct MigrateCommand: CLICommand {
    public static let name = "migrate"
    public static let summary = "Apply pending database migrations"
    public static let options: [CLIOption] = [.database]

    let databasePath: String

    public init(arguments: ParsedArguments, environment: [String: String]) throws(CLIError) {
        databasePath = arguments.databasePath(environment: environment)
    }

    public func run(in context: CLIContext) throws -> Int32 {
        let output = context.output
        let location = DatabaseLocation(databasePath)
        let applied = try location.migrate(sqliteMigrations: context.migrations)
        if applied.isEmpty {
            output.standardOutput("\(location.displayName) is up to date")
        } else {
            for name in applied { output.standardOutput("applied \(name)") }
        }
        return 0
    }
}
