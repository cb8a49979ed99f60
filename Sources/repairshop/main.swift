import Foundation
import RepairCLI

#if canImport(Glibc)
    import Glibc
#endif

// The executable is only this: the logic lives in RepairCLI, where tests reach it.
let output = CLIOutput(
    standardOutput: { print($0) },
    standardError: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })
let code = RepairCLI.run(
    Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment, output: output)
exit(code)
