import EvalNorm
import Testing

/// Patterns of `^` and plain characters are matched as byte prefixes; they must agree with the regex.
struct SchemaPatternTests {
    @Test(arguments: [
        ("^enrichment-", "enrichment-7f3a", true), ("^enrichment-", "enrichment-", true), ("^enrichment-", "xenrichment-1", false),
        ("^enrichment-", "Enrichment-1", false), ("^enrichment-", "enrichment", false), ("^a", "ab", true), ("^a", "ba", false),
        ("^a", "", false), ("^", "anything", true), ("^a/b:c@d_e", "a/b:c@d_e!", true), ("^a.", "ab", true), ("^a.", "a", false),
        ("a", "ba", true), ("^[a]", "ab", true), ("^é", "éa", true), ("^é", "e\u{301}a", false),
    ])
    func patternPropertiesMatchLikeTheRegex(_ pattern: String, _ key: String, _ matches: Bool) throws {
        let schema = try JSONSchema(.object(["patternProperties": .object([pattern: false]), "additionalProperties": true]))
        // A key the pattern matches meets the `false` schema and fails; any other key passes.
        #expect(schema.isValid(.object([key: 1])) == !matches, "\(pattern) on \(key)")
    }
}
