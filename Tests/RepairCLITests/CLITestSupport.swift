import Foundation
import RepairCLI

/// Runs the CLI in-process and keeps what it wrote.
final class CLIRun {
    var out: [String] = []
    var err: [String] = []
    var code: Int32 = -1

    @discardableResult
    init(_ arguments: [String], environment: [String: String] = [:]) {
        let output = CLIOutput(
            standardOutput: { [unowned self] in out.append($0) }, standardError: { [unowned self] in err.append($0) })
        code = RepairCLI.run(arguments, environment: environment, output: output)
    }

    var text: String { out.joined(separator: "\n") }
}

enum CLIPaths {
    static var fixtures: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures").path
    }

    static func makeDatabase() -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("repairshop-cli-tests")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(UUID().uuidString + ".sqlite").path
    }

    /// The built `repairshop` executable beside the test bundle.
    static var binary: String? {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = directory.appendingPathComponent("repairshop").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }
}
