import Foundation
import Portal
import RepairCore
import RepairStore

/// `repairshop bench-data` (hidden): fills a new database with the demo data plus many generated orders,
/// for the tracking benchmark in BENCHMARKS.md.
public struct BenchDataCommand: CLICommand {
    public static let name = "bench-data"
    public static let summary = "Fill a new database with the demo data and N generated orders (benchmarks only)"
    public static let isHidden = true
    public static let options: [CLIOption] = [
        .database,
        CLIOption("orders", value: "N", help: "Generated orders to add (default 100000, at most 10000000)"),
        CLIOption(
            "fixtures", value: "DIR", help: "Folder holding demo.json (default: $REPAIRSHOP_FIXTURES, else Fixtures)"),
    ]
    /// Largest number of orders one run generates.
    static let maximumOrderCount = 10_000_000
    // Surnames with and without diacritics, so the benchmark folds real names.
    private static let surnames = [
        "Łukasiewicz", "Nowak", "Wójcik", "Kowalczyk", "Müller", "Кузнецова", "Smith", "Żak",
    ]

    let databasePath: String
    let fixturesPath: String
    let orderCount: Int

    public init(arguments: ParsedArguments, environment: [String: String]) throws(CLIError) {
        databasePath = arguments.databasePath(environment: environment)
        fixturesPath = arguments.values["fixtures"] ?? environment["REPAIRSHOP_FIXTURES"] ?? CLIDefaults.fixturesPath
        let text = arguments.values["orders"] ?? "100000"
        guard let count = Int(text), (1...Self.maximumOrderCount).contains(count) else {
            throw .usage("--orders must be a number from 1 to \(Self.maximumOrderCount), not '\(text)'")
        }
        orderCount = count
    }

    public func run(in context: CLIContext) throws -> Int32 {
        let output = context.output
        let store = try context.openStore(at: databasePath)
        // The portal's start stores its server secret, as `serve` would.
        _ = try Portal(store: store)
        guard try store.customers().isEmpty else {
            throw CLIError.failure("\(databasePath) already holds data; use a new file")
        }
        try store.load(FixtureSet.load(directory: fixturesPath))
        let inserted = try store.addBenchmarkOrders(
            count: orderCount, statuses: [.submitted, .confirmed, .received, .inRepair, .resolved, .closed],
            surnames: Self.surnames)
        output.standardOutput(
            "added \(inserted) generated orders to \(databasePath); demo order RS-7K2M-9QXD / Łukasiewicz")
        return 0
    }
}
