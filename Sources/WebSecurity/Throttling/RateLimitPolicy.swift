/// How many requests a key may make: a token bucket of `burst` tokens refilled one per `refillInterval` seconds.
public struct RateLimitPolicy: Sendable, Equatable {
    /// Requests allowed at once from a full bucket.
    public var burst: Int
    /// Seconds to earn back one request.
    public var refillInterval: Double

    /// A policy of `burst` requests, then one more every `refillInterval` seconds; both must be positive.
    public init(burst: Int, refillInterval: Double) {
        precondition(burst > 0, "a rate limit needs a burst of at least one request")
        precondition(refillInterval > 0, "a rate limit needs a positive refill interval")
        self.burst = burst
        self.refillInterval = refillInterval
    }
}

/// The answer of a rate limiter.
public enum RateLimitDecision: Sendable, Equatable {
    /// Go ahead.
    case allowed
    /// Refuse; a token is available again after `retryAfter` whole seconds (for the `Retry-After` header).
    case limited(retryAfter: Int)

    /// True for `.allowed`.
    public var isAllowed: Bool {
        switch self {
        case .allowed: true
        case .limited: false
        }
    }
}
