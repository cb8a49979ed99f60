#if canImport(Glibc)
    import Glibc
#endif

extension ArraySlice<UInt8> {
    /// The index of the next LF at or after `start`, or `endIndex`; `memchr`, so a 35 MB body is scanned quickly
    /// even in a debug build.
    func nextLineFeed(from start: Int) -> Int {
        guard start < endIndex else { return endIndex }
        let offset = start - startIndex
        return withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Int in
            guard let base = buffer.baseAddress else { return endIndex }
            let remaining = buffer.count - offset
            guard let found = memchr(base + offset, 0x0A, remaining) else { return endIndex }
            return start + (UnsafeRawPointer(found) - (base + offset))
        }
    }
}
