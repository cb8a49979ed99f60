import Glibc

extension HTTPServerError {
    /// A failed system call, with `errno`'s text as the rule.
    static func system(_ call: String) -> HTTPServerError {
        HTTPServerError(.internalServerError, field: call, rule: String(cString: strerror(errno)))
    }
}

extension String {
    /// A C string held in a CChar array, up to its first NUL.
    init(nullTerminated characters: [CChar]) {
        self.init(decoding: characters.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
