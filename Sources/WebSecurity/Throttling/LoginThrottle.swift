/// Slows password guessing: after a number of failures per account or per client address, sign-in is refused
/// with a retry-after until the budget refills. A successful sign-in clears the account's failures.
///
/// It counts under the keys it is given: the caller folds an e-mail to its look-up key and an address to its
/// network (the portal's `acquire(account:address:)`), so this module needs neither accounts nor sockets.
public final class LoginThrottle: Sendable {
    /// Limits for the two counters.
    public struct Configuration: Sendable, Equatable {
        /// Failures per account: 5 at once, then one more every 60 seconds.
        public var perAccount: RateLimitPolicy
        /// Failures per client address: 20 at once (shared offices), then one more every 15 seconds.
        public var perAddress: RateLimitPolicy
        /// Accounts and addresses tracked at most each.
        public var maximumKeyCount: Int

        /// The defaults above, or your own.
        public init(
            perAccount: RateLimitPolicy = RateLimitPolicy(burst: 5, refillInterval: 60),
            perAddress: RateLimitPolicy = RateLimitPolicy(burst: 20, refillInterval: 15),
            maximumKeyCount: Int = RateLimiter.defaultMaximumKeyCount
        ) {
            self.perAccount = perAccount
            self.perAddress = perAddress
            self.maximumKeyCount = maximumKeyCount
        }
    }

    private let accounts: RateLimiter
    private let addresses: RateLimiter

    /// A throttle; `now` returns monotonic seconds (injected by tests).
    public init(
        configuration: Configuration = Configuration(),
        now: @escaping @Sendable () -> Double = MonotonicClock.seconds
    ) {
        accounts = RateLimiter(
            policy: configuration.perAccount, maximumKeyCount: configuration.maximumKeyCount, now: now)
        addresses = RateLimiter(
            policy: configuration.perAddress, maximumKeyCount: configuration.maximumKeyCount, now: now)
    }

    /// Reserves one failure for the account and the address before the password is verified, in one step.
    ///
    /// Check and count are one atomic `acquire` per counter, so concurrent guesses cannot all pass a check
    /// before any is counted: at most `perAccount.burst` passwords of an account are verified per refill. The
    /// reservation stands as the failure when the password is wrong; `recordSuccess` gives it back.
    public func acquire(accountKey: String, addressKey: String) -> RateLimitDecision {
        switch accounts.acquire(accountKey) {
        case .limited(let accountWait):
            if case .limited(let addressWait) = addresses.check(addressKey) {
                return .limited(retryAfter: max(accountWait, addressWait))
            }
            return .limited(retryAfter: accountWait)
        case .allowed:
            if case .limited(let wait) = addresses.acquire(addressKey) {
                accounts.refund(accountKey)
                return .limited(retryAfter: wait)
            }
            return .allowed
        }
    }

    /// The password was right: clears the account's failures and refunds the address's reservation.
    ///
    /// The address keeps its earlier failures, so one good account cannot launder guesses at others.
    public func recordSuccess(accountKey: String, addressKey: String) {
        accounts.reset(accountKey)
        addresses.refund(addressKey)
    }
}
