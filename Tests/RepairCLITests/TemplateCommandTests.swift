import Foundation
import RepairStore
import Synchronization
import Testing

@testable import RepairCLI

@Suite("repairshop template list|show|set|reset")
struct TemplateCommandTests {
    static let labels = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Labels").path

    /// A scratch folder with an empty database path.
    static func makeFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("template-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Runs the CLI and returns the exit code, standard output and standard error.
    static func run(_ arguments: [String]) -> (code: Int32, out: String, err: String) {
        let out = Mutex<[String]>([])
        let err = Mutex<[String]>([])
        let code = RepairCLI.run(
            arguments, environment: [:],
            output: CLIOutput(
                standardOutput: { line in out.withLock { $0.append(line) } },
                standardError: { line in err.withLock { $0.append(line) } }))
        return (code, out.withLock { $0.joined(separator: "\n") }, err.withLock { $0.joined(separator: "\n") })
    }

    @Test func setValidatesThenStoresAndResetRemoves() throws {
        let folder = try Self.makeFolder()
        let database = folder.appendingPathComponent("db.sqlite").path
        let good = folder.appendingPathComponent("label.txt")
        try Data("SHIPMENT {{ shipment.id }}\nTO {{ receiver.name | upper }}\n".utf8).write(to: good)
        let set = Self.run(["template", "set", "shipping-label.txt", "--file", good.path, "--database", database])
        #expect(set.code == 0 && set.out.contains("shipping-label.txt replaced"))
        #expect(
            try SQLiteStore(path: database).labelTemplateOverrides()["shipping-label.txt"]?.hasPrefix("SHIPMENT")
                == true)
        let show = Self.run(["template", "show", "shipping-label.txt", "--database", database])
        #expect(show.code == 0 && show.out.hasPrefix("SHIPMENT {{ shipment.id }}"))
        let list = Self.run(["template", "list", "--database", database, "--labels", Self.labels])
        #expect(list.code == 0)
        #expect(list.out.split(separator: "\n").count == 4)
        #expect(list.out.contains("shipping-label.txt\toverride\tok") && list.out.contains("packing-list.zpl\tfile "))
        let reset = Self.run(["template", "reset", "shipping-label.txt", "--database", database])
        #expect(reset.code == 0 && reset.out.contains("reset"))
        #expect(try SQLiteStore(path: database).labelTemplateOverrides().isEmpty)
        let shown = Self.run([
            "template", "show", "shipping-label.txt", "--database", database, "--labels", Self.labels,
        ])
        #expect(shown.out.contains("Shipping label, plain text"))
    }

    @Test func invalidTemplateIsRefusedNamingTheLineAndNothingChanges() throws {
        let folder = try Self.makeFolder()
        let database = folder.appendingPathComponent("db.sqlite").path
        let bad = folder.appendingPathComponent("bad.txt")
        try Data("FROM {{ sender.name }}\nTO {{ reciever.name }}\n".utf8).write(to: bad)
        let result = Self.run(["template", "set", "shipping-label.txt", "--file", bad.path, "--database", database])
        #expect(result.code == 1)
        #expect(result.err.contains("\(bad.path):2:") && result.err.contains("unknown placeholder 'reciever.name'"))
        #expect(try SQLiteStore(path: database).labelTemplateOverrides().isEmpty)
        let unclosed = folder.appendingPathComponent("unclosed.zpl")
        try Data("^XA\n^FO1,1^FH^FD{{#each orders}}{{ order.number }}^FS\n^XZ\n".utf8).write(to: unclosed)
        let block = Self.run(["template", "set", "packing-list.zpl", "--file", unclosed.path, "--database", database])
        #expect(block.code == 1 && block.err.contains("unclosed.zpl:2:"))
        #expect(try SQLiteStore(path: database).labelTemplateOverrides().isEmpty)
    }

    @Test func badArgumentsAreUsageErrors() throws {
        let folder = try Self.makeFolder()
        let database = folder.appendingPathComponent("db.sqlite").path
        let unknown = Self.run(["template", "set", "label.txt", "--file", "x", "--database", database])
        #expect(unknown.code == 2 && unknown.err.contains("not a template name"))
        let noFile = Self.run(["template", "set", "shipping-label.txt", "--database", database])
        #expect(noFile.code == 2 && noFile.err.contains("--file"))
        let missing = Self.run([
            "template", "set", "shipping-label.txt", "--file", "/nonexistent/x", "--database", database,
        ])
        #expect(missing.code == 1 && missing.err.contains("cannot read"))
        let list = Self.run(["template", "list", "--database", database, "--labels", folder.path])
        #expect(list.code == 1 && list.out.contains("missing"))
    }
}
