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
            #expect(throttle.check(account: "anna@example.com", address: "10.0.0.\(attempt)") == .allowed)
            throttle.recordFailure(account: "anna@example.com", address: "10.0.0.\(attempt)")
        }
        // Spread over three addresses, still the same account: refused from a fourth address too.
        #expect(throttle.check(account: "anna@example.com", address: "10.0.0.9") == .limited(retryAfter: 60))
        // Case and spaces do not make a new account key.
        #expect(throttle.check(account: " ANNA@example.com ", address: "10.0.0.9") == .limited(retryAfter: 60))
        #expect(throttle.check(account: "bob@example.com", address: "10.0.0.9") == .allowed)
        clock.advance(60)
        #expect(throttle.check(account: "anna@example.com", address: "10.0.0.9") == .allowed)
    }

    @Test func failuresPerAddressLockTheAddress() {
        let clock = FakeClock()
        let throttle = Self.makeThrottle(clock: clock)
        for index in 0..<5 {
            throttle.recordFailure(account: "user\(index)@example.com", address: "192.0.2.7")
        }
        #expect(throttle.check(account: "new@example.com", address: "192.0.2.7") == .limited(retryAfter: 30))
        #expect(throttle.check(account: "new@example.com", address: "192.0.2.8") == .allowed)
    }

    @Test func anIPv6ClientIsCountedByItsSlash64() {
        let clock = FakeClock()
        let throttle = Self.makeThrottle(clock: clock)
        // Five addresses of one /64, as a client changing address per guess would use.
        for index in 1...5 {
            throttle.recordFailure(account: "user\(index)@example.com", address: "2001:db8:7:1::\(index)")
        }
        #expect(
            throttle.check(account: "new@example.com", address: "2001:db8:7:1:ffff:1:2:3") == .limited(retryAfter: 30))
        #expect(throttle.check(account: "new@example.com", address: "2001:db8:7:2::1") == .allowed)
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
        // Failures past the burst do not dig a deeper hole: the wait stays one refill interval.
        for _ in 0..<8 { throttle.recordFailure(account: "anna@example.com", address: "192.0.2.7") }
        #expect(throttle.check(account: "anna@example.com", address: "192.0.2.7") == .limited(retryAfter: 60))
        clock.advance(30)
        #expect(throttle.check(account: "other@example.com", address: "192.0.2.7") == .allowed)
        #expect(throttle.check(account: "anna@example.com", address: "192.0.2.7") == .limited(retryAfter: 30))
    }

    @Test func successResetsTheAccountButNotTheAddress() {
        let clock = FakeClock()
        let throttle = Self.makeThrottle(clock: clock)
        throttle.recordFailure(account: "anna@example.com", address: "192.0.2.7")
        throttle.recordFailure(account: "anna@example.com", address: "192.0.2.7")
        throttle.recordSuccess(account: "anna@example.com", address: "192.0.2.7")
        throttle.recordFailure(account: "anna@example.com", address: "192.0.2.7")
        throttle.recordFailure(account: "anna@example.com", address: "192.0.2.7")
        #expect(throttle.check(account: "anna@example.com", address: "192.0.2.7") == .allowed)
        throttle.recordFailure(account: "anna@example.com", address: "192.0.2.7")
        // Five failures from this address in all: the address is limited though the account had a reset.
        #expect(throttle.check(account: "other@example.com", address: "192.0.2.7") == .limited(retryAfter: 30))
    }
}
