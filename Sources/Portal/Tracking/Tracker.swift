import Foundation
import RepairCore
import WebSecurity

/// Anonymous tracking by order number and surname, with guessing limits.
///
/// A wrong number, a malformed number and a wrong surname take the same path (one look-up that reads and
/// joins a real order row, one fold compare against a real surname) and end in the same `notFound`
/// error, so neither the answer nor its timing is an oracle.
final class Tracker: Sendable {
    /// Longest number or surname accepted, in characters; longer input is a 400 before any look-up.
    static let maximumFieldLength = 100
    /// The answer to every failed look-up, word for word.
    static let notFound = Problem.notFound("tracking")
    // Looked up when the typed number does not parse, so a malformed number costs the same query.
    private static let decoyNumber = OrderNumber("00000000")!
    // Compared against when there are no orders at all (otherwise the stand-in order's surname is).
    private static let decoySurname = "Decoy-Surname-Not-A-Person"

    private let store: any RepairRepository
    private let isRateLimited: Bool
    private let perAddress: RateLimiter
    private let perNumberAndAddress: RateLimiter
    private let perNumber: RateLimiter

    /// A tracker over `store` with the limits of `configuration`.
    init(store: any RepairRepository, configuration: PortalConfiguration) {
        self.store = store
        isRateLimited = configuration.isRateLimited
        perAddress = RateLimiter(policy: configuration.trackingPerAddress)
        perNumberAndAddress = RateLimiter(policy: configuration.trackingFailuresPerNumberAndAddress)
        perNumber = RateLimiter(policy: configuration.trackingFailuresPerNumber)
    }

    /// The public view of the order `number` whose contact surname matches `surname`.
    ///
    /// Throws 400 for an empty or overlong field, 429 when a limit is reached, 404 for any mismatch. The look-up
    /// reads in `snapshot` when given (the event-loop turn's, see `TurnSnapshot`).
    func track(
        number rawNumber: String?, surname rawSurname: String?, address: String,
        in snapshot: (any ReadSnapshot)? = nil
    ) throws -> TrackingResult {
        let (numberText, surname) = try Self.requiredFields(number: rawNumber, surname: rawSurname)
        let parsed = OrderNumber(numberText)
        // Malformed numbers share one key per typed text, so they are limited like well-formed ones.
        var numberKey: String { parsed?.code ?? numberText.uppercased() }
        // This number's guesses from this address; an address key holds no `|`, so the first one splits the two.
        var pairKey: String?
        if isRateLimited {
            let addressKey = ClientKey.forAddress(address)
            // Every look-up counts against the address.
            if case .limited(let wait) = perAddress.acquire(addressKey) {
                throw Problem.tooManyRequests(retryAfter: wait)
            }
            // A failure is reserved before the look-up (one atomic step, so concurrent guesses cannot all pass a
            // check) and refunded when the surname is right. Guesses are counted per number and address, so
            // a stranger's wrong guesses never lock the owner out. Past the number's global ceiling (many
            // addresses guessing), only an address with no recent failure on this number may try, once.
            let isUnderAttack = !perNumber.check(numberKey).isAllowed
            let key = addressKey + "|" + numberKey
            if case .limited(let wait) = perNumberAndAddress.acquire(key, isFullBucketRequired: isUnderAttack) {
                throw Problem.tooManyRequests(retryAfter: wait)
            }
            pairKey = key
        }
        // An unknown number still reads a stand-in order and compares its surname: the work of a wrong surname.
        let lookUp = try store.trackingLookUp(number: parsed ?? Self.decoyNumber, in: snapshot)
        let found: TrackingInfo?
        let comparedSurname: String
        switch lookUp {
        case .found(let info):
            found = parsed == nil ? nil : info
            comparedSurname = info.contactSurname
        case .notFound(let standInSurname):
            found = nil
            comparedSurname = standInSurname ?? Self.decoySurname
        }
        let isSurnameRight = SurnameFolder.matches(comparedSurname, surname)
        guard let found, isSurnameRight else {
            if isRateLimited { perNumber.penalize(numberKey) }
            throw Self.notFound
        }
        if let pairKey { perNumberAndAddress.refund(pairKey) }
        return TrackingResult(found)
    }

    /// The public view of an order reached by a signed link (the signature stands in for the surname); never limited.
    func track(signedNumber: String) throws -> TrackingResult {
        guard let number = OrderNumber(signedNumber), let info = try store.tracking(number: number) else {
            throw Self.notFound
        }
        return TrackingResult(info)
    }

    /// Both fields trimmed, or the first field's problem carrying every wrong field in `fieldErrors`, so the
    /// form can flag both at once (an empty form is wrong twice, not once).
    private static func requiredFields(number: String?, surname: String?) throws -> (number: String, surname: String) {
        var problems: [Problem] = []
        let number = checkedField("number", number, &problems)
        let surname = checkedField("surname", surname, &problems)
        guard var first = problems.first else { return (number, surname) }
        first.fieldErrors = problems.compactMap(\.fieldErrors.first)
        throw first
    }

    private static func checkedField(_ name: String, _ value: String?, _ problems: inout [Problem]) -> String {
        let text = trimmed(value ?? "")
        if text.isEmpty {
            var problem = Problem.badRequest("tracking_\(name)_required", field: name)
            problem.fieldErrors = [FieldError(field: name, rule: FieldRule(.required))]
            problems.append(problem)
        } else if text.utf8.count > maximumFieldLength && text.count > maximumFieldLength {
            // A field of at most that many bytes has at most that many characters: only long ones are counted.
            var problem = Problem.badRequest(
                "tracking_\(name)_too_long", field: name, ["maximum": .number(maximumFieldLength)])
            problem.fieldErrors = [
                FieldError(field: name, rule: FieldRule(.tooLong, ["maximum": .number(maximumFieldLength)]))
            ]
            problems.append(problem)
        }
        return text
    }

    // Unicode whitespace off both ends, without bridging to NSString on the hot path.
    private static func trimmed(_ text: String) -> String {
        let isVisibleASCII = { (byte: UInt8?) in byte.map { $0 > 0x20 && $0 < 0x7F } ?? false }
        if isVisibleASCII(text.utf8.first) && isVisibleASCII(text.utf8.last) { return text }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
