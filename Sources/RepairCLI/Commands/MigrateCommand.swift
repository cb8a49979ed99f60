import RepairStore

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
        let database = try Database(path: databasePath)
        let applied = try database.migrate(context.migrations)
        if applied.isEmpty {
            output.standardOutput("\(databasePath) is up to date")
        } else {
            for name in applied { output.standardOutput("applied \(name)") }
        }
        return 0
    }
}
