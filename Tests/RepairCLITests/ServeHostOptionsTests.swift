import Testing

@testable import RepairCLI

@Suite("serve: the listening address")
struct ServeHostOptionsTests {
    @Test func anIPv6AddressIsBracketedInTheLinksMailsCarry() throws {
        let command = try ServeCommand.parsed(["--host", "::1", "--port", "8081"])
        #expect(command.server.host == "::1")
        #expect(command.portal.publicBaseURL == "http://[::1]:8081")
        let fromEnvironment = try ServeCommand.parsed([], environment: ["REPAIRSHOP_HOST": "::"])
        #expect(fromEnvironment.portal.publicBaseURL == "http://[::]:8080")
        #expect(try ServeCommand.parsed(["--host", "0.0.0.0"]).portal.publicBaseURL == "http://0.0.0.0:8080")
    }

    @Test(arguments: ["localhost", "example.com", "1.2.3", "::1::"])
    func aHostNameOrMalformedAddressIsAUsageError(host: String) {
        #expect {
            try ServeCommand.parsed(["--host", host])
        } throws: { error in
            String(describing: error).contains("--host must be a numeric IPv4 or IPv6 address") &&
                String(describing: error).contains("'\(host)'")
        }
    }
}
