import RepairCore
import Testing
import WebSecurity

@testable import Portal

/// The portal's keys for the login throttle: e-mails by look-up key, clients by address or IPv6 /64.
@Suite("Login throttle keys")
struct LoginThrottleKeyTests {
    // Time stands still: these tests only count, they never wait for a refill.
    static func makeThrottle() -> LoginThrottle {
        LoginThrottle(
            configuration: .init(
                perAccount: RateLimitPolicy(burst: 3, refillInterval: 60),
                perAddress: RateLimitPolicy(burst: 5, refillInterval: 30)),
            now: { 1000 })
    }

    @Test func caseAndSpacesDoNotMakeANewAccount() {
        let throttle = Self.makeThrottle()
        for attempt in 0..<3 {
            #expect(throttle.acquire(account: "anna@example.com", address: "10.0.0.\(attempt)") == .allowed)
        }
        #expect(throttle.acquire(account: " ANNA@example.com ", address: "10.0.0.9") == .limited(retryAfter: 60))
        #expect(throttle.acquire(account: "bob@example.com", address: "10.0.0.9") == .allowed)
    }

    @Test func anIPv6ClientIsCountedByItsSlash64() {
        let throttle = Self.makeThrottle()
        // Five addresses of one /64, as a client changing address per guess would use.
        for index in 1...5 {
            _ = throttle.acquire(account: "user\(index)@example.com", address: "2001:db8:7:1::\(index)")
        }
        #expect(
            throttle.acquire(account: "new@example.com", address: "2001:db8:7:1:ffff:1:2:3") == .limited(retryAfter: 30)
        )
        #expect(throttle.acquire(account: "new@example.com", address: "2001:db8:7:2::1") == .allowed)
    }

    @Test func successClearsTheFoldedAccount() {
        let throttle = Self.makeThrottle()
        for _ in 0..<3 { _ = throttle.acquire(account: "anna@example.com", address: "192.0.2.7") }
        throttle.recordSuccess(account: "Anna@Example.com", address: "192.0.2.7")
        #expect(throttle.acquire(account: "anna@example.com", address: "192.0.2.7") == .allowed)
    }

    @Test(arguments: [
        ("192.0.2.7", "192.0.2.7"),
        ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),
        ("2001:0db8:0001:0002::9", "2001:db8:1:2::/64"),
        ("::1", "0:0:0:0::/64"),
        ("fe80::1", "fe80:0:0:0::/64"),
        ("::ffff:192.0.2.7", "192.0.2.7"),
        ("not-an-address:", "not-an-address:"),
    ])
    func clientKeys(address: String, key: String) {
        #expect(ClientKey.forAddress(address) == key)
    }

    @Test func caseAndSpaceVariantsShareOneAccountKey() {
        #expect(EmailAddress.lookUpKey(" Agent@Example.COM\t") == "agent@example.com")
        // Only ASCII folds, as `COLLATE NOCASE` does: the Kelvin sign stays itself.
        #expect(EmailAddress.lookUpKey("\u{212A}@example.com") == "\u{212A}@example.com")
    }
}
