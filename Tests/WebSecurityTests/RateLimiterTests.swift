import Synchronization
import Testing
import WebSecurity

/// A clock the test moves by hand.
final class FakeClock: Sendable {
    private let time = Mutex(1000.0)

    var now: @Sendable () -> Double { { [self] in time.withLock { $0 } } }

    func advance(_ seconds: Double) {
        time.withLock { $0 += seconds }
    }
}

@Suite("Rate limiter")
struct RateLimiterTests {
    // One step of a table: move the clock, then acquire, and expect this answer.
    struct Step: Sendable, CustomStringConvertible {
        var advance: Double
        var expected: RateLimitDecision
        var description: String { "+\(advance)s → \(expected)" }
    }

    @Test func burstThenRefillTable() {
        let clock = FakeClock()
        let limiter = RateLimiter(policy: RateLimitPolicy(burst: 3, refillInterval: 10), now: clock.now)
        let steps: [Step] = [
            Step(advance: 0, expected: .allowed),
            Step(advance: 0, expected: .allowed),
            Step(advance: 0, expected: .allowed),
            Step(advance: 0, expected: .limited(retryAfter: 10)),
            Step(advance: 4, expected: .limited(retryAfter: 6)),
            Step(advance: 5.5, expected: .limited(retryAfter: 1)),  // 0.5 s left rounds up to 1
            Step(advance: 0.5, expected: .allowed),
            Step(advance: 0, expected: .limited(retryAfter: 10)),
            Step(advance: 30, expected: .allowed),  // refills to the burst, not beyond
            Step(advance: 0, expected: .allowed),
            Step(advance: 0, expected: .allowed),
            Step(advance: 0, expected: .limited(retryAfter: 10)),
        ]
        for (index, step) in steps.enumerated() {
            clock.advance(step.advance)
            #expect(limiter.acquire("10.0.0.1") == step.expected, "step \(index): \(step)")
        }
    }

    @Test func keysAreIndependent() {
        let clock = FakeClock()
        let limiter = RateLimiter(policy: RateLimitPolicy(burst: 1, refillInterval: 60), now: clock.now)
        #expect(limiter.acquire("a") == .allowed)
        #expect(limiter.acquire("a") == .limited(retryAfter: 60))
        #expect(limiter.acquire("b") == .allowed)
        #expect(limiter.acquire("") == .allowed)
    }

    @Test func checkDoesNotConsume() {
        let clock = FakeClock()
        let limiter = RateLimiter(policy: RateLimitPolicy(burst: 1, refillInterval: 60), now: clock.now)
        #expect(limiter.check("a") == .allowed)
        #expect(limiter.check("a") == .allowed)
        #expect(limiter.acquire("a") == .allowed)
        #expect(limiter.check("a") == .limited(retryAfter: 60))
        limiter.reset("a")
        #expect(limiter.check("a") == .allowed)
    }

    @Test func clockGoingBackwardsMintsNothing() {
        let clock = FakeClock()
        let limiter = RateLimiter(policy: RateLimitPolicy(burst: 1, refillInterval: 60), now: clock.now)
        #expect(limiter.acquire("a") == .allowed)
        clock.advance(-3600)
        #expect(limiter.acquire("a") == .limited(retryAfter: 60))
    }

    @Test func memoryIsBoundedAndOldestGoFirst() {
        let clock = FakeClock()
        let limiter = RateLimiter(
            policy: RateLimitPolicy(burst: 1, refillInterval: 3600), maximumKeyCount: 100, now: clock.now)
        for index in 0..<1000 {
            clock.advance(0.001)
            _ = limiter.acquire("client-\(index)")
            #expect(limiter.keyCount <= 100)
        }
        // The most recent key is still limited; the very first was evicted and starts afresh.
        #expect(limiter.acquire("client-999") == .limited(retryAfter: 3600))
        #expect(limiter.acquire("client-0") == .allowed)
    }

    @Test func fullBucketsTakeNoMemory() {
        let clock = FakeClock()
        let limiter = RateLimiter(policy: RateLimitPolicy(burst: 2, refillInterval: 1), now: clock.now)
        _ = limiter.check("a")
        #expect(limiter.keyCount == 0)
        _ = limiter.acquire("a")
        #expect(limiter.keyCount == 1)
        clock.advance(5)
        _ = limiter.check("a")
        #expect(limiter.keyCount == 0)
    }

    @Test func concurrentUseAllowsExactlyTheBurst() async {
        let clock = FakeClock()
        let limiter = RateLimiter(policy: RateLimitPolicy(burst: 50, refillInterval: 3600), now: clock.now)
        let allowed = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<200 { group.addTask { limiter.acquire("shared").isAllowed } }
            var count = 0
            for await isAllowed in group where isAllowed { count += 1 }
            return count
        }
        #expect(allowed == 50)
    }

    @Test func monotonicClockMovesForward() {
        let first = MonotonicClock.seconds()
        let second = MonotonicClock.seconds()
        #expect(second >= first)
    }
}

extension RateLimiterTests {
    // Policies are programmer constants: a nonsensical one stops the process at once.
    @Test func nonsensicalPoliciesStopTheProcess() async {
        await #expect(processExitsWith: .failure) { _ = RateLimitPolicy(burst: 0, refillInterval: 1) }
        await #expect(processExitsWith: .failure) { _ = RateLimitPolicy(burst: 1, refillInterval: 0) }
        await #expect(processExitsWith: .failure) {
            _ = RateLimiter(policy: RateLimitPolicy(burst: 1, refillInterval: 1), maximumKeyCount: 0)
        }
    }
}
