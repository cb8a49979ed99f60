import Testing

@testable import RepairCLI

@Suite("serve: the per-address connection cap")
struct ServeConnectionCapOptionsTests {
    @Test func theCapComesFromTheFlagOrTheEnvironment() throws {
        #expect(try ServeCommand.parsed([]).server.maxConnectionsPerAddress == 256)
        #expect(
            try ServeCommand.parsed(["--max-connections-per-address", "4096"]).server.maxConnectionsPerAddress == 4096)
        let fromEnvironment = try ServeCommand.parsed([], environment: ["REPAIRSHOP_MAX_CONNECTIONS_PER_ADDRESS": "32"])
        #expect(fromEnvironment.server.maxConnectionsPerAddress == 32)
    }

    @Test(arguments: ["0", "-1", "many"])
    func aCapBelowOneIsAUsageError(text: String) {
        #expect {
            try ServeCommand.parsed(["--max-connections-per-address", text])
        } throws: { error in
            String(describing: error).contains("--max-connections-per-address must be a number of at least 1")
        }
    }
}
