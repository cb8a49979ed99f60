import Foundation
import LabelTemplates
import RepairCore
import RepairStore

// `repairshop template list|show|set|reset`: the packing-list and label templates.
// The files of `Labels/` are the defaults; `set` stores a validated override in
// the database (what the admin page does), `reset` removes it again.

extension CLIOption {
    /// `--labels DIR`, the templates folder.
    static let labels = CLIOption(
        "labels", value: "DIR", help: "Templates folder (default: $REPAIRSHOP_LABELS, else Labels)")
}

extension ParsedArguments {
    /// The templates folder: `--labels`, else `REPAIRSHOP_LABELS`, else `Labels`.
    func labelsDirectory(environment: [String: String]) -> String {
        values["labels"] ?? environment["REPAIRSHOP_LABELS"] ?? "Labels"
    }

    /// The NAME positional, checked against the template file names.
    func templateName() throws(CLIError) -> String {
        let name = positionals[0]
        guard LabelTemplateSet.fileNames.contains(name) else {
            throw .usage("'\(name)' is not a template name (\(LabelTemplateSet.fileNames.joined(separator: ", ")))")
        }
        return name
    }
}

/// `repairshop template list`: each template, where it comes from, and whether it is valid.
public struct TemplateListCommand: CLICommand {
    public static let name = "template list"
    public static let summary = "List the packing-list and label templates and their state"
    public static let options: [CLIOption] = [.database, .labels]

    let databasePath: String
    let labelsDirectory: String

    public init(arguments: ParsedArguments, environment: [String: String]) throws(CLIError) {
        databasePath = arguments.databasePath(environment: environment)
        labelsDirectory = arguments.labelsDirectory(environment: environment)
    }

    public func run(in context: CLIContext) throws -> Int32 {
        let output = context.output
        let overrides = try context.openStore(at: databasePath).labelTemplateOverrides()
        var isAllValid = true
        for name in LabelTemplateSet.fileNames {
            let file = URL(fileURLWithPath: labelsDirectory).appendingPathComponent(name).path
            let (origin, source): (String, String?) =
                overrides[name].map { ("override", $0) }
                ?? (
                    "file \(file)",
                    FileManager.default.contents(atPath: file).map { String(decoding: $0, as: UTF8.self) }
                )
            var state = "ok"
            if let source {
                do {
                    _ = try LabelTemplateSet.makeTemplate(
                        fileName: name, source: source, orderFields: IntakeField.packingListKeys)
                } catch {
                    state = "invalid: \(error)"
                    isAllValid = false
                }
            } else {
                state = "missing"
                isAllValid = false
            }
            output.standardOutput("\(name)\t\(origin)\t\(state)")
        }
        return isAllValid ? 0 : 1
    }
}

/// `repairshop template show NAME`: prints the template in use (the override, else the file).
public struct TemplateShowCommand: CLICommand {
    public static let name = "template show"
    public static let summary = "Print the template in use"
    public static let options: [CLIOption] = [.database, .labels]
    public static let positionalNames = ["NAME"]

    let databasePath: String
    let labelsDirectory: String
    let templateName: String

    public init(arguments: ParsedArguments, environment: [String: String]) throws(CLIError) {
        databasePath = arguments.databasePath(environment: environment)
        labelsDirectory = arguments.labelsDirectory(environment: environment)
        templateName = try arguments.templateName()
    }

    public func run(in context: CLIContext) throws -> Int32 {
        let output = context.output
        if let source = try context.openStore(at: databasePath).labelTemplateOverrides()[templateName] {
            output.standardOutput(source)
            return 0
        }
        let file = URL(fileURLWithPath: labelsDirectory).appendingPathComponent(templateName).path
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CLIError.failure("no override stored and \(file) does not exist")
        }
        output.standardOutput(String(decoding: data, as: UTF8.self))
        return 0
    }
}

/// `repairshop template set NAME --file F`: validates F and stores it as the override of NAME.
public struct TemplateSetCommand: CLICommand {
    public static let name = "template set"
    public static let summary = "Replace a template with a validated file (stored in the database)"
    public static let options: [CLIOption] = [
        .database, CLIOption("file", value: "FILE", isRequired: true, help: "The new template source"),
    ]
    public static let positionalNames = ["NAME"]

    let databasePath: String
    let templateName: String
    let file: String

    public init(arguments: ParsedArguments, environment: [String: String]) throws(CLIError) {
        databasePath = arguments.databasePath(environment: environment)
        templateName = try arguments.templateName()
        file = arguments.values["file"] ?? ""
    }

    public func run(in context: CLIContext) throws -> Int32 {
        let output = context.output
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CLIError.failure("cannot read \(file)")
        }
        guard let source = String(data: data, encoding: .utf8) else {
            throw CLIError.failure("\(file) is not UTF-8 text")
        }
        do {
            try context.openApp(at: databasePath).0.templates.save(fileName: templateName, source: source, by: nil)
        } catch var problem as Problem where problem.code == .invalidTemplate {
            // Name the file the admin wrote, with the line and column of the fault.
            let detail = Self.message(problem.parameters["detail"]?.description ?? "")
            let line = problem.parameters["line"]?.description ?? "0"
            let column = problem.parameters["column"]?.description ?? "0"
            problem.parameters["detail"] = .text("\(file):\(line):\(column): \(detail); nothing was changed")
            throw problem
        }
        output.standardOutput("\(templateName) replaced by \(file)")
        return 0
    }

    // The language's description without its own place (the override has no file name of its own).
    private static func message(_ text: String) -> String {
        guard let range = text.range(of: ": ") else { return text }
        return String(text[range.upperBound...])
    }
}

/// `repairshop template reset NAME`: removes the stored override, so the `Labels/` file applies again.
public struct TemplateResetCommand: CLICommand {
    public static let name = "template reset"
    public static let summary = "Go back to the template file in Labels/"
    public static let options: [CLIOption] = [.database]
    public static let positionalNames = ["NAME"]

    let databasePath: String
    let templateName: String

    public init(arguments: ParsedArguments, environment: [String: String]) throws(CLIError) {
        databasePath = arguments.databasePath(environment: environment)
        templateName = try arguments.templateName()
    }

    public func run(in context: CLIContext) throws -> Int32 {
        let output = context.output
        guard try context.openApp(at: databasePath).0.templates.reset(fileName: templateName, by: nil) else {
            output.standardOutput("\(templateName) has no override; the Labels/ file is in use")
            return 0
        }
        output.standardOutput("\(templateName) reset to the Labels/ file")
        return 0
    }
}
