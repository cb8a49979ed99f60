/// Slows password guessing: after a number of failures per account or per client address, sign-in is refused
/// with a retry-after until the budget refills. A successful sign-in clears the account's failures.
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

    /// Whether a sign-in attempt may be checked now; ask before verifying the password.
    public func check(account: String, address: String) -> RateLimitDecision {
        let byAccount = accounts.check(Self.accountKey(account))
        let byAddress = addresses.check(ClientKey.forAddress(address))
        switch (byAccount, byAddress) {
        case (.allowed, .allowed):
            return .allowed
        case (.limited(let wait), .allowed), (.allowed, .limited(let wait)):
            return .limited(retryAfter: wait)
        case (.limited(let accountWait), .limited(let addressWait)):
            return .limited(retryAfter: max(accountWait, addressWait))
        }
    }

    /// Counts a wrong password (or unknown account) against both the account and the address.
    public func recordFailure(account: String, address: String) {
        accounts.penalize(Self.accountKey(account))
        addresses.penalize(ClientKey.forAddress(address))
    }

    /// Clears the account's failures; the address keeps its count so one good account cannot launder guesses.
    public func recordSuccess(account: String, address: String) {
        accounts.reset(Self.accountKey(account))
    }

    // Case variants of one e-mail address must share a counter.
    private static func accountKey(_ account: String) -> String {
        account.trimmingWhitespace().lowercased()
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        String(self.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
