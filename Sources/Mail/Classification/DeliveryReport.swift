/// A delivery report (RFC 3464 `multipart/report`, or an older plain-text bounce): which recipients failed and why.
public struct DeliveryReport: Sendable, Equatable {
    /// One recipient's fate.
    public struct Recipient: Sendable, Equatable {
        /// The address that failed (`Final-Recipient`, else `Original-Recipient`), lower-case.
        public var address: String
        /// `failed`, `delayed`, `delivered`, `relayed` or `expanded` (RFC 3464 §2.3.3).
        public var action: String
        /// The enhanced status code (RFC 3463), e.g. `5.1.1`; "" when the report gives none.
        public var status: String
        /// The remote server's words, when given.
        public var diagnostic: String?

        public init(address: String, action: String, status: String, diagnostic: String? = nil) {
            self.address = address
            self.action = action
            self.status = status
            self.diagnostic = diagnostic
        }

        /// True when mail to this address should stop: the delivery failed for good (not merely delayed).
        public var hasFailed: Bool {
            action == "failed" && !status.hasPrefix("4")
        }
    }

    public var recipients: [Recipient]
    /// True when read from a machine-readable `message/delivery-status` part; false for a plain-text bounce.
    public var isStandard: Bool

    /// The addresses that failed for good.
    public var failedAddresses: [String] {
        recipients.filter(\.hasFailed).map(\.address)
    }
}
