import Testing

@testable import RepairCLI

@Suite("serve: the listening address")
struct ServeHostOptionsTests {
    static func serve(_ tokens: [String], environment: [String: String] = [:]) throws(CLIError) -> ServeCommand {
        let arguments = try ParsedArguments(
            tokens, options: ServeCommand.options, positionalNames: [], command: ServeCommand.name)
        return try ServeCommand(arguments: arguments, environment: environment)
    }

    @Test func anIPv6AddressIsBracketedInTheLinksMailsCarry() throws {
        let command = try Self.serve(["--host", "::1", "--port", "8081"])
        #expect(command.server.host == "::1")
        #expect(command.portal.publicBaseURL == "http://[::1]:8081")
        let fromEnvironment = try Self.serve([], environment: ["REPAIRSHOP_HOST": "::"])
        #expect(fromEnvironment.portal.publicBaseURL == "http://[::]:8080")
        #expect(try Self.serve(["--host", "0.0.0.0"]).portal.publicBaseURL == "http://0.0.0.0:8080")
    }

    @Test(arguments: ["localhost", "example.com", "1.2.3", "::1::"])
    func aHostNameOrMalformedAddressIsAUsageError(host: String) {
        #expect {
            try Self.serve(["--host", host])
        } throws: { error in
            String(describing: error).contains("--host must be a numeric IPv4 or IPv6 address") &&
                String(describing: error).contains("'\(host)'")
        }
    }
}
