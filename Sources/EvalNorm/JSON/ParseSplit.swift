/// The second thread of a large document's parse: a helper reads the second half of the document's
/// largest array of objects while the calling thread reads up to it.
///
/// 1. **Where.** From the middle of the document, the first place that looks like the start of an
///    array element after an object element (`}`, `,`, `{`, white space allowed between) and whose
///    array is still open 64 KiB further on. Each place is tried on the calling thread, on a prefix
///    of the input: an array that closes sooner (a record's scores, say) is stepped over, and so is
///    a place where the bytes do not read as elements (inside a string, say). At most 64 places in
///    the next MiB are tried; without one, the document is read on one thread.
/// 2. **The helper** reads from there the elements of that array, up to and including its `]`.
/// 3. **The calling thread** reads from the start. Only when it arrives at that very offset itself,
///    as the start of an array element after a comma, does it take the helper's elements; they are
///    then exactly the values it would have read: the same grammar on the same bytes. When the
///    helper failed (a syntax error, or the place was inside a string after all), or its elements
///    nest too deep or are too many for where the array really is, the calling thread reads on by
///    itself and finds the error at its true position and pointer, as it would have alone.
///
/// The helper is a ``HelperThread``, so waiting for it always ends; the parse waits for it before
/// it returns, since it reads the caller's bytes. The reformatter (`evalnorm fmt`) splits its work at
/// the same place (``splitOffset(in:limits:)``).
final class ParseSplit {
    /// The elements the helper read, the offset after the array's `]`, and the most arrays and
    /// objects open at once, the array itself included.
    struct Share {
        let elements: [JSONValue]
        let end: Int
        let depth: Int
    }

    /// Where the helper starts: the first byte of an array element.
    let offset: Int
    private let helper: HelperThread<Share?>

    private init(offset: Int, helper: HelperThread<Share?>) {
        self.offset = offset
        self.helper = helper
    }

    /// Starts a helper on `bytes`, or returns `nil` when no place to split was found. The caller
    /// must call ``finish()`` before `bytes` go away.
    static func start(in bytes: UnsafeRawBufferPointer, limits: JSONParser) -> ParseSplit? {
        guard let offset = splitOffset(in: bytes, limits: limits) else { return nil }
        let helper = HelperThread { () -> Share? in
            var scanner = JSONScanner(bytes: bytes, limits: limits, isSpeculative: true)
            return try? scanner.parseElements(from: offset)
        }
        return ParseSplit(offset: offset, helper: helper)
    }

    /// The helper's share, once it is done; `nil` if it failed.
    func take() -> Share? {
        helper.wait()
    }

    /// Waits until the helper is done.
    func finish() {
        _ = helper.wait()
    }

    // MARK: Where to split

    /// How far from a place its array must still be open for the place to be taken.
    static let probeLength = 64 << 10
    /// How far from the middle places are looked for, and how many are tried.
    static let searchLength = 1 << 20
    static let maximumTries = 64

    /// The place the helper starts from (step 1 above), or `nil`.
    static func splitOffset(in bytes: UnsafeRawBufferPointer, limits: JSONParser) -> Int? {
        let input = bytes.assumingMemoryBound(to: UInt8.self)
        var from = bytes.count / 2
        let searchEnd = min(bytes.count, from + searchLength)
        for _ in 0..<maximumTries {
            guard let start = nextElementAfterObject(in: input, from: from, to: searchEnd) else { return nil }
            // (Smaller documents than the CLI splits, in tests and fuzzing, get a shorter probe.)
            let probeEnd = min(bytes.count, start + min(probeLength, bytes.count / 8))
            var probe = JSONScanner(bytes: UnsafeRawBufferPointer(rebasing: bytes[..<probeEnd]), limits: limits, isSpeculative: true)
            do {
                from = try probe.parseElements(from: start).end  // a small array: look after it
            } catch where error.code == .unexpectedEndOfInput && probeEnd < bytes.count {
                return start  // still open at the end of the probe: a large array
            } catch {
                from = start + 1  // not elements here
            }
        }
        return nil
    }

    /// The offset of the `{` of the next `}`, `,`, `{` (white space allowed between) whose comma is
    /// in `from..<end`.
    private static func nextElementAfterObject(in input: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int? {
        var next = from
        while let comma = JSONScanner.nextIndex(of: .comma, in: input, from: next, to: end) {
            var before = comma - 1
            while before >= 0, input[before].isJSONWhitespace { before -= 1 }
            var after = comma + 1
            while after < input.count, input[after].isJSONWhitespace { after += 1 }
            if before >= 0, input[before] == .closeBrace, after < input.count, input[after] == .openBrace {
                return after
            }
            next = comma + 1
        }
        return nil
    }
}
