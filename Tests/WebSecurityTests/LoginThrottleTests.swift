import Testing
import WebSecurity

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
            #expect(throttle.acquire(accountKey: "anna@example.com", addressKey: "10.0.0.\(attempt)") == .allowed)
        }
        // Spread over three addresses, still the same account: refused from a fourth address too.
        #expect(throttle.acquire(accountKey: "anna@example.com", addressKey: "10.0.0.9") == .limited(retryAfter: 60))
        #expect(throttle.acquire(accountKey: "bob@example.com", addressKey: "10.0.0.9") == .allowed)
        clock.advance(60)
        #expect(throttle.acquire(accountKey: "anna@example.com", addressKey: "10.0.0.9") == .allowed)
    }

    @Test func failuresPerAddressLockTheAddress() {
        let clock = FakeClock()
        let throttle = Self.makeThrottle(clock: clock)
        for index in 0..<5 {
            #expect(throttle.acquire(accountKey: "user\(index)@example.com", addressKey: "192.0.2.7") == .allowed)
        }
        #expect(throttle.acquire(accountKey: "new@example.com", addressKey: "192.0.2.7") == .limited(retryAfter: 30))
        // The refused attempt gave the account its reservation back.
        #expect(throttle.acquire(accountKey: "new@example.com", addressKey: "192.0.2.8") == .allowed)
        #expect(throttle.acquire(accountKey: "new@example.com", addressKey: "192.0.2.8") == .allowed)
        #expect(throttle.acquire(accountKey: "new@example.com", addressKey: "192.0.2.8") == .allowed)
        #expect(throttle.acquire(accountKey: "new@example.com", addressKey: "192.0.2.8") == .limited(retryAfter: 60))
    }

    @Test func bothLimitedGivesTheLongerWait() {
        let clock = FakeClock()
        let throttle = Self.makeThrottle(clock: clock)
        // Three failures for anna and two for others use up the address; attempts past that take nothing more.
        for _ in 0..<3 { _ = throttle.acquire(accountKey: "anna@example.com", addressKey: "192.0.2.7") }
        for index in 0..<2 { _ = throttle.acquire(accountKey: "u\(index)@example.com", addressKey: "192.0.2.7") }
        for _ in 0..<4 { _ = throttle.acquire(accountKey: "anna@example.com", addressKey: "192.0.2.7") }
        #expect(throttle.acquire(accountKey: "anna@example.com", addressKey: "192.0.2.7") == .limited(retryAfter: 60))
        clock.advance(30)
        #expect(throttle.acquire(accountKey: "anna@example.com", addressKey: "192.0.2.7") == .limited(retryAfter: 30))
        #expect(throttle.acquire(accountKey: "other@example.com", addressKey: "192.0.2.7") == .allowed)
    }

    @Test func successResetsTheAccountButNotTheAddress() {
        let clock = FakeClock()
        let throttle = Self.makeThrottle(clock: clock)
        _ = throttle.acquire(accountKey: "anna@example.com", addressKey: "192.0.2.7")
        _ = throttle.acquire(accountKey: "anna@example.com", addressKey: "192.0.2.7")
        // The third attempt's password is right: its reservation is refunded, the account's failures cleared.
        _ = throttle.acquire(accountKey: "anna@example.com", addressKey: "192.0.2.7")
        throttle.recordSuccess(accountKey: "anna@example.com", addressKey: "192.0.2.7")
        _ = throttle.acquire(accountKey: "anna@example.com", addressKey: "192.0.2.7")
        _ = throttle.acquire(accountKey: "anna@example.com", addressKey: "192.0.2.7")
        #expect(throttle.acquire(accountKey: "anna@example.com", addressKey: "192.0.2.7") == .allowed)
        // Five failures from this address in all: the address is limited though the account had a reset.
        #expect(throttle.acquire(accountKey: "other@example.com", addressKey: "192.0.2.7") == .limited(retryAfter: 30))
    }
}
