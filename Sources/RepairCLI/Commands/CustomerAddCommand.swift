import RepairCore
import RepairStore

/// `repairshop customer add`: creates a customer (person or company, optionally a reseller).
public struct CustomerAddCommand: CLICommand {
    public static let name = "customer add"
    public static let summary = "Create a customer"
    public static let options: [CLIOption] = [
        .database,
        CLIOption("name", value: "NAME", isRequired: true, help: "Person's or company's name"),
        CLIOption("kind", value: "KIND", isRequired: true, help: "person or company"),
        CLIOption("address", value: "TEXT", help: "Postal address (use \\n between lines)"),
        CLIOption("reseller", help: "Orders are confirmed automatically and shipped in batches"),
    ]

    let databasePath: String
    let customer: Customer

    public init(arguments: ParsedArguments, environment: [String: String]) throws(CLIError) {
        databasePath = arguments.databasePath(environment: environment)
        let name = arguments.values["name", default: ""]
        guard let kind = Customer.Kind(rawValue: arguments.values["kind", default: ""]) else {
            throw .usage("--kind must be person or company")
        }
        let address = arguments.values["address", default: ""].replacing("\\n", with: "\n")
        customer = Customer(
            id: 0, name: name, kind: kind, isReseller: arguments.flags.contains("reseller"), address: address)
    }

    public func run(in context: CLIContext) throws -> Int32 {
        let output = context.output
        let saved = try context.openApp(at: databasePath).0.catalogue.addCustomer(customer)
        output.standardOutput("created customer \(saved.id) \(saved.name)\(saved.isReseller ? " (reseller)" : "")")
        return 0
    }
}
