import RepairCore
import Testing

@testable import Portal

@Suite("Login throttle")
struct LoginThrottleTests {
    static func makeThrottle(clock: FakeClock) -> LoginThrottle {
        LoginThrottle(
            configuration: .init(
                perAccount: RateLimitPolicy(burst: 3, refillInterval: 60),
                perAddress: RateLimitPolicy(burst: 5, refillInterval: 30)),
            now: clock.now)
    }

    @Test func failuresPerAccountLockTheAccount() {
        let clock = FakeClock()
        let throttle = Self.makeThrottle(clock: clock)
        for attempt in 0..<3 {
            #expect(throttle.acquire(account: "anna@example.com", address: "10.0.0.\(attempt)") == .allowed)
        }
        // Spread over three addresses, still the same account: refused from a fourth address too.
        #expect(throttle.acquire(account: "anna@example.com", address: "10.0.0.9") == .limited(retryAfter: 60))
        // Case and spaces do not make a new account key.
        #expect(throttle.acquire(account: " ANNA@example.com ", address: "10.0.0.9") == .limited(retryAfter: 60))
        #expect(throttle.acquire(account: "bob@example.com", address: "10.0.0.9") == .allowed)
        clock.advance(60)
        #expect(throttle.acquire(account: "anna@example.com", address: "10.0.0.9") == .allowed)
    }

    @Test func failuresPerAddressLockTheAddress() {
        let clock = FakeClock()
        let throttle = Self.makeThrottle(clock: clock)
        for index in 0..<5 {
            #expect(throttle.acquire(account: "user\(index)@example.com", address: "192.0.2.7") == .allowed)
        }
        #expect(throttle.acquire(account: "new@example.com", address: "192.0.2.7") == .limited(retryAfter: 30))
        // The refused attempt gave the account its reservation back.
        #expect(throttle.acquire(account: "new@example.com", address: "192.0.2.8") == .allowed)
        #expect(throttle.acquire(account: "new@example.com", address: "192.0.2.8") == .allowed)
        #expect(throttle.acquire(account: "new@example.com", address: "192.0.2.8") == .allowed)
        #expect(throttle.acquire(account: "new@example.com", address: "192.0.2.8") == .limited(retryAfter: 60))
    }

    @Test func anIPv6ClientIsCountedByItsSlash64() {
        let clock = FakeClock()
        let throttle = Self.makeThrottle(clock: clock)
        // Five addresses of one /64, as a client changing address per guess would use.
        for index in 1...5 {
            _ = throttle.acquire(account: "user\(index)@example.com", address: "2001:db8:7:1::\(index)")
        }
        #expect(
            throttle.acquire(account: "new@example.com", address: "2001:db8:7:1:ffff:1:2:3") == .limited(retryAfter: 30)
        )
        #expect(throttle.acquire(account: "new@example.com", address: "2001:db8:7:2::1") == .allowed)
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

    @Test func bothLimitedGivesTheLongerWait() {
        let clock = FakeClock()
        let throttle = Self.makeThrottle(clock: clock)
        // Three failures for anna and two for others use up the address; attempts past that take nothing more.
        for _ in 0..<3 { _ = throttle.acquire(account: "anna@example.com", address: "192.0.2.7") }
        for index in 0..<2 { _ = throttle.acquire(account: "u\(index)@example.com", address: "192.0.2.7") }
        for _ in 0..<4 { _ = throttle.acquire(account: "anna@example.com", address: "192.0.2.7") }
        #expect(throttle.acquire(account: "anna@example.com", address: "192.0.2.7") == .limited(retryAfter: 60))
        clock.advance(30)
        #expect(throttle.acquire(account: "anna@example.com", address: "192.0.2.7") == .limited(retryAfter: 30))
        #expect(throttle.acquire(account: "other@example.com", address: "192.0.2.7") == .allowed)
    }

    @Test func successResetsTheAccountButNotTheAddress() {
        let clock = FakeClock()
        let throttle = Self.makeThrottle(clock: clock)
        _ = throttle.acquire(account: "anna@example.com", address: "192.0.2.7")
        _ = throttle.acquire(account: "anna@example.com", address: "192.0.2.7")
        // The third attempt's password is right: its reservation is refunded, the account's failures cleared.
        _ = throttle.acquire(account: "anna@example.com", address: "192.0.2.7")
        throttle.recordSuccess(account: "anna@example.com", address: "192.0.2.7")
        _ = throttle.acquire(account: "anna@example.com", address: "192.0.2.7")
        _ = throttle.acquire(account: "anna@example.com", address: "192.0.2.7")
        #expect(throttle.acquire(account: "anna@example.com", address: "192.0.2.7") == .allowed)
        // Five failures from this address in all: the address is limited though the account had a reset.
        #expect(throttle.acquire(account: "other@example.com", address: "192.0.2.7") == .limited(retryAfter: 30))
    }

    @Test func caseAndSpaceVariantsShareOneAccountKey() {
        #expect(EmailAddress.lookUpKey(" Agent@Example.COM\t") == "agent@example.com")
        // Only ASCII folds, as `COLLATE NOCASE` does: the Kelvin sign stays itself.
        #expect(EmailAddress.lookUpKey("\u{212A}@example.com") == "\u{212A}@example.com")
    }
}
