import Synchronization

/// A thread-safe, memory-bounded token-bucket limiter keyed by string (client address, account, order number).
public final class RateLimiter: Sendable {
    /// Keys tracked at most before the least recently used are forgotten.
    public static let defaultMaximumKeyCount = 10_000
    /// Share of keys dropped in one eviction pass, so eviction cost is spread over many inserts.
    public static let evictionFraction = 0.1

    /// The policy every key follows.
    public let policy: RateLimitPolicy
    /// Keys tracked at most; past this the least recently used go (a forgotten key starts with a full bucket).
    public let maximumKeyCount: Int

    private struct Bucket {
        var tokens: Double
        var updatedAt: Double
    }

    private let now: @Sendable () -> Double
    private let buckets: Mutex<[String: Bucket]>

    /// A limiter; `now` returns monotonic seconds and is injected so tests can move time.
    public init(
        policy: RateLimitPolicy,
        maximumKeyCount: Int = RateLimiter.defaultMaximumKeyCount,
        now: @escaping @Sendable () -> Double = MonotonicClock.seconds
    ) {
        precondition(maximumKeyCount > 0, "a rate limiter must track at least one key")
        self.policy = policy
        self.maximumKeyCount = maximumKeyCount
        self.now = now
        buckets = Mutex([:])
    }

    /// Takes one request from `key`'s bucket, or says how long to wait when it is empty.
    ///
    /// With `isFullBucketRequired`, the request goes ahead only while the bucket is full (a key with no recent use).
    public func acquire(_ key: String, isFullBucketRequired: Bool = false) -> RateLimitDecision {
        update(key, isConsuming: true, tokensNeeded: isFullBucketRequired ? Double(policy.burst) : 1)
    }

    /// Whether `key` could make a request now, without taking one.
    public func check(_ key: String) -> RateLimitDecision {
        update(key, isConsuming: false)
    }

    /// Takes one token even when the bucket is empty (used to count failures); never goes below zero.
    public func penalize(_ key: String) {
        _ = update(key, isConsuming: true)
    }

    /// Gives back one token taken by `acquire` (the request turned out not to count); never above the burst.
    public func refund(_ key: String) {
        let time = now()
        buckets.withLock { buckets in
            guard var bucket = buckets[key] else { return }
            let elapsed = max(0, time - bucket.updatedAt)
            bucket.tokens = min(Double(policy.burst), bucket.tokens + elapsed / policy.refillInterval + 1)
            bucket.updatedAt = max(bucket.updatedAt, time)
            if bucket.tokens >= Double(policy.burst) {
                buckets.removeValue(forKey: key)
            } else {
                buckets[key] = bucket
            }
        }
    }

    /// Forgets `key`: its bucket is full again.
    public func reset(_ key: String) {
        _ = buckets.withLock { $0.removeValue(forKey: key) }
    }

    /// Keys currently tracked.
    public var keyCount: Int {
        buckets.withLock { $0.count }
    }

    private func update(_ key: String, isConsuming: Bool, tokensNeeded: Double = 1) -> RateLimitDecision {
        let time = now()
        let burst = Double(policy.burst)
        return buckets.withLock { buckets in
            var bucket = buckets[key] ?? Bucket(tokens: burst, updatedAt: time)
            // A clock that goes backwards (a bad injected clock) must not mint tokens.
            let elapsed = max(0, time - bucket.updatedAt)
            bucket.tokens = min(burst, bucket.tokens + elapsed / policy.refillInterval)
            bucket.updatedAt = max(bucket.updatedAt, time)
            let decision: RateLimitDecision
            if bucket.tokens >= tokensNeeded {
                decision = .allowed
                if isConsuming { bucket.tokens -= 1 }
            } else {
                let wait = (tokensNeeded - bucket.tokens) * policy.refillInterval
                decision = .limited(retryAfter: max(1, Int(wait.rounded(.up))))
            }
            if bucket.tokens >= burst {
                // A full bucket is the same as no bucket: do not spend memory on it.
                buckets.removeValue(forKey: key)
            } else {
                if buckets[key] == nil, buckets.count >= maximumKeyCount { evict(from: &buckets) }
                buckets[key] = bucket
            }
            return decision
        }
    }

    private func evict(from buckets: inout [String: Bucket]) {
        let dropCount = max(1, Int(Double(maximumKeyCount) * Self.evictionFraction))
        let oldest = buckets.sorted { $0.value.updatedAt < $1.value.updatedAt }.prefix(dropCount)
        for (key, _) in oldest { buckets.removeValue(forKey: key) }
    }
}
