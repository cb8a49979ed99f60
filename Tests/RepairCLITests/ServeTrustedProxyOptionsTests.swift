import HTTPServer
import Testing

@testable import RepairCLI

@Suite("serve: trusted reverse proxies")
struct ServeTrustedProxyOptionsTests {
    @Test func proxiesComeFromTheFlagOrTheEnvironment() throws {
        #expect(try ServeCommand.parsed([]).server.trustedProxies.isEmpty)
        let flag = try ServeCommand.parsed(["--trusted-proxies", "127.0.0.1, 10.0.0.0/8"]).server.trustedProxies
        #expect(flag.map(\.description) == ["127.0.0.1", "10.0.0.0/8"])
        let fromEnvironment = try ServeCommand.parsed([], environment: ["REPAIRSHOP_TRUSTED_PROXIES": "::1"])
        #expect(fromEnvironment.server.trustedProxies.map(\.description) == ["::1"])
    }

    @Test(arguments: ["", "nginx", "10.0.0.0/40", "127.0.0.1,,", "127.0.0.1;10.0.0.1"])
    func aListThatIsNotAddressesIsAUsageError(text: String) {
        #expect {
            try ServeCommand.parsed(["--trusted-proxies", text])
        } throws: { error in
            String(describing: error).contains("--trusted-proxies must list numeric addresses or CIDR blocks")
        }
    }
}
