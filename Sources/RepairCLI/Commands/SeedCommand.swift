import RepairCore
import RepairStore

/// `repairshop seed`: loads the demo fixtures into an empty database.
public struct SeedCommand: CLICommand {
    public static let name = "seed"
    public static let summary = "Load the demo fixtures into an empty database"
    public static let options: [CLIOption] = [
        .database,
        CLIOption(
            "fixtures", value: "DIR", help: "Folder holding demo.json (default: $REPAIRSHOP_FIXTURES, else Fixtures)"),
    ]

    let databasePath: String
    let fixturesPath: String

    public init(arguments: ParsedArguments, environment: [String: String]) throws(CLIError) {
        databasePath = arguments.databasePath(environment: environment)
        fixturesPath = arguments.values["fixtures"] ?? environment["REPAIRSHOP_FIXTURES"] ?? CLIDefaults.fixturesPath
    }

    public func run(in context: CLIContext) throws -> Int32 {
        let output = context.output
        let fixtures: FixtureSet
        do {
            fixtures = try FixtureSet.load(directory: fixturesPath)
        } catch {
            throw CLIError.failure("cannot read \(fixturesPath)/\(FixtureSet.demoFileName): \(error)")
        }
        let store = try context.openStore(at: databasePath)
        guard try store.customers().isEmpty else {
            throw CLIError.failure("\(databasePath) already holds data; seed an empty database")
        }
        try store.load(fixtures)
        output.standardOutput(
            "seeded \(databasePath): \(fixtures.customers.count) customers, \(fixtures.users.count) users, "
                + "\(fixtures.locations.count) locations, \(fixtures.orders.count) orders")
        return 0
    }
}
