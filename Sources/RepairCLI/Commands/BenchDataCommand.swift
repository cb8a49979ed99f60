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
        let portal = try Portal(store: context.openStore(at: databasePath))
        guard try portal.store.customers().isEmpty else {
            throw CLIError.failure("\(databasePath) already holds data; use a new file")
        }
        try portal.store.load(FixtureSet.load(directory: fixturesPath))
        let catalogue = try portal.store.catalogue()
        let customers = try portal.store.customers().map(\.id)
        let statuses: [OrderStatus] = [.submitted, .confirmed, .received, .inRepair, .resolved, .closed]
        var generator = SystemRandomNumberGenerator()
        let start = Date().timeIntervalSince1970
        let inserted = try portal.store.write { db -> Int in
            var count = 0
            for index in 0..<orderCount {
                let model = catalogue.models[index % catalogue.models.count]
                let location = catalogue.locations[index % catalogue.locations.count]
                let values: [SQLValue] = [
                    .text(OrderNumber.random(using: &generator).description),
                    .integer(customers[index % customers.count]),
                    .integer(1), .integer(model.id), .text("SN\(index)"), .text("Generated fault \(index)"),
                    .integer(location.id), .integer(location.methodIDs[0]), .text("Test"),
                    .text(Self.surnames[index % Self.surnames.count]), .text("bench\(index)@example.com"),
                    .text(statuses[index % statuses.count].rawValue), index % 2 == 0 ? .integer(3) : .null,
                    .real(start - Double(index)), .real(start - Double(index)),
                ]
                // A number collision (one in 2^40 per pair) is skipped rather than retried: the count is approximate.
                try db.run(
                    """
                    INSERT OR IGNORE INTO orders (number, customer_id, created_by, model_id, serial, fault, location_id,
                        method_id, contact_first_name, contact_surname, contact_email, status, assigned_agent_id,
                        created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, values)
                count += db.changes
            }
            return count
        }
        output.standardOutput(
            "added \(inserted) generated orders to \(databasePath); demo order RS-7K2M-9QXD / Łukasiewicz")
        return 0
    }
}
