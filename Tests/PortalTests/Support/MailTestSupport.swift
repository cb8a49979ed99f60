import MailTesting
import Foundation
import Mail
import Portal
import Synchronization

/// A clock tests move by hand.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    /// Starts on the next whole second: times stored as REAL seconds since 1970 then compare exactly,
    /// and mail queued at the real time is already due.
    init(_ start: Date = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.up))) {
        current = Mutex(start)
    }

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}

extension PortalHarness {
    /// A deliverer sending this portal's outbox to `sink` over real SMTP, on `clock`.
    func deliverer(to sink: SMTPSink, clock: TestClock = TestClock()) -> OutboxDeliverer {
        var settings = MailSettings()
        settings.fromAddress = "shop@repair.test"
        settings.useSMTP(host: "127.0.0.1", port: sink.port)
        return OutboxDeliverer(
            store: store, transport: settings.makeTransport(), configuration: settings, now: { clock.now },
            log: { _ in })
    }

    /// Sends the outbox to a fresh healthy sink and returns the sink's envelopes.
    func deliverAll() throws -> [SMTPSink.Envelope] {
        let sink = try SMTPSink()
        defer { sink.stop() }
        try deliverer(to: sink).deliverDue()
        return sink.envelopes
    }
}

extension SMTPSink.Envelope {
    /// The message as text with quoted-printable soft line breaks and `=XX` escapes decoded.
    var decodedText: String {
        let text = String(decoding: message, as: UTF8.self).replacingOccurrences(of: "=\r\n", with: "")
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var position = 0
        while position < utf8.count {
            if utf8[position] == UInt8(ascii: "="), position + 2 < utf8.count,
                let byte = UInt8(String(decoding: utf8[(position + 1)...(position + 2)], as: UTF8.self), radix: 16)
            {
                bytes.append(byte)
                position += 3
            } else {
                bytes.append(utf8[position])
                position += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The confirmation token in the message's `/confirm/<token>` link, if any.
    var confirmationToken: String? {
        guard let range = decodedText.range(of: #"/confirm/[A-Za-z0-9_-]{43}"#, options: .regularExpression) else {
            return nil
        }
        return String(decodedText[range].dropFirst("/confirm/".count))
    }

    /// The value of the `Message-ID` header.
    var messageID: String? {
        decodedText.components(separatedBy: "\r\n").first { $0.hasPrefix("Message-ID: ") }.map {
            String($0.dropFirst(12))
        }
    }
}
