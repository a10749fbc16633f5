import Foundation

/// Where the tests find files: the repository, its examples, and the shared conformance suites.
enum TestPaths {
    /// The repository's root folder, found from this file's path.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // EvalNormTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// The test fixtures: `Tests/EvalNormTests/Fixtures`.
    static let fixtures = repositoryRoot.appendingPathComponent("Tests/EvalNormTests/Fixtures")

    /// The examples the README uses: `Examples`.
    static let examples = repositoryRoot.appendingPathComponent("Examples")

    /// `../shared/conformance` beside the repository, where CI and developers keep the suites.
    static let conformance: URL = repositoryRoot
        .deletingLastPathComponent()
        .appendingPathComponent("shared/conformance")

    /// The JSONTestSuite's `test_parsing` folder.
    static let jsonTestSuite = conformance.appendingPathComponent("json-test-suite/test_parsing")

    /// Whether the JSONTestSuite is present.
    static var hasJSONTestSuite: Bool {
        FileManager.default.fileExists(atPath: jsonTestSuite.path)
    }

    /// The JSON-Schema-Test-Suite (draft 2020-12 tests and the `remotes/` they refer to).
    static let jsonSchemaTestSuite = conformance.appendingPathComponent("json-schema-test-suite")

    /// Whether the JSON-Schema-Test-Suite is present.
    static var hasJSONSchemaTestSuite: Bool {
        FileManager.default.fileExists(atPath: jsonSchemaTestSuite.appendingPathComponent("tests/draft2020-12").path)
    }

    /// The file names in a folder, sorted; empty when the folder is absent.
    static func files(in folder: URL, withExtension pathExtension: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix("." + pathExtension) }.sorted()
    }

    /// The bytes of a file.
    static func bytes(of url: URL) throws -> [UInt8] {
        Array(try Data(contentsOf: url))
    }
}
