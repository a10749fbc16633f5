/// A compiled `pattern`/`patternProperties` regular expression.
///
/// JSON Schema patterns are ECMA-262 regular expressions; Swift's `Regex` reads the same syntax for
/// what schemas use in practice (classes, quantifiers, groups, anchors, `\p{…}`). Matching is per
/// Unicode scalar as ECMA-262's `u` flag does, `\d` and `\w` are ASCII-only as in ECMA-262, and
/// patterns are not anchored (`"a"` matches `"cat"`). Known differences: ECMA-262-only syntax such as
/// `\cX` control escapes and named groups written `(?<name>…)` with `\k<name>` follow Swift's rules;
/// a pattern Swift cannot read makes the schema invalid, with the reason.
///
/// `Regex` is not `Sendable`; it is immutable after creation and its compiled program is built
/// once, thread-safely, so sharing it between threads through this box is safe.
final class SchemaPattern: @unchecked Sendable {
    /// The pattern as written in the schema.
    let source: String
    private let regex: Regex<AnyRegexOutput>
    /// For a pattern that is `^` and plain characters (`^enrichment-`, as `patternProperties` keys
    /// often are), those characters: the pattern matches exactly the texts that start with them, which
    /// a byte comparison answers without running the regex.
    private let literalPrefix: [UInt8]?

    /// Compiles `source`; throws the regex parser's error when Swift cannot read it.
    init(_ source: String) throws {
        self.source = source
        self.regex = try Regex(source)
            .matchingSemantics(.unicodeScalar)
            .asciiOnlyDigits()
            .asciiOnlyWordCharacters()
        let rest = source.utf8.dropFirst()
        if source.utf8.first == UInt8(ascii: "^"), rest.allSatisfy(SchemaPattern.isPlain) {
            literalPrefix = Array(rest)
        } else {
            literalPrefix = nil
        }
    }

    /// Characters that stand for themselves in any regex syntax: ASCII letters, digits, `-`, `_`,
    /// `:`, `/` and `@`.
    private static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "@"):
            true
        default:
            false
        }
    }

    /// Whether the pattern matches anywhere in `text`.
    func matches(_ text: String) -> Bool {
        if let literalPrefix { return text.utf8.starts(with: literalPrefix) }
        return text.firstMatch(of: regex) != nil
    }
}
