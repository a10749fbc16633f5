import EvalNorm
import Foundation

/// Runs files of the JSON-Schema-Test-Suite (github.com/json-schema-org/JSON-Schema-Test-Suite),
/// read from `../shared/conformance`, and counts what passes.
///
/// Remote references (`http://localhost:1234/…`) are served from the suite's `remotes/` folder
/// through a ``SchemaRegistry``, as the suite's README asks; nothing touches the network.
struct SchemaSuiteRunner {
    /// The outcome of one file: how many tests passed, and a line for each that did not.
    struct Tally {
        var passed = 0
        var failures: [String] = []
        var total: Int { passed + failures.count }

        mutating func add(_ other: Tally) {
            passed += other.passed
            failures += other.failures
        }
    }

    let registry: SchemaRegistry

    init() throws {
        var registry = SchemaRegistry()
        let remotes = TestPaths.jsonSchemaTestSuite.appendingPathComponent("remotes")
        let enumerator = FileManager.default.enumerator(at: remotes, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "json" else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(remotes.standardizedFileURL.path.count + 1))
            registry.register(try JSONParser().parse(TestPaths.bytes(of: url)), uri: "http://localhost:1234/" + relative)
        }
        self.registry = registry
    }

    /// Runs one test file (a path below `tests/draft2020-12`), asserting `format` when asked.
    func run(_ file: String, assertsFormat: Bool = false) throws -> Tally {
        let url = TestPaths.jsonSchemaTestSuite.appendingPathComponent("tests/draft2020-12").appendingPathComponent(file)
        guard case .array(let groups) = try JSONParser().parse(TestPaths.bytes(of: url)) else { return Tally() }
        var tally = Tally()
        for group in groups {
            let description = group["description"]?.stringValue ?? "?"
            let tests = group["tests"]?.arrayValue ?? []
            let schema: JSONSchema
            do {
                schema = try JSONSchema(group["schema"] ?? .bool(true), registry: registry,
                                        options: ValidationOptions(assertsFormat: assertsFormat))
            } catch {
                tally.failures += tests.map { "\(file): \(description): \($0["description"]?.stringValue ?? "?"): schema not compiled: \(error)" }
                continue
            }
            for test in tests {
                guard let data = test["data"], let expected = test["valid"]?.boolValue else { continue }
                let result = schema.validate(data)
                // The fast check and the full report must agree, and the report must explain itself.
                let consistent = schema.isValid(data) == result.isValid
                if result.isValid == expected, consistent {
                    tally.passed += 1
                } else {
                    let name = test["description"]?.stringValue ?? "?"
                    tally.failures.append("\(file): \(description): \(name): expected \(expected ? "valid" : "invalid")\(consistent ? "" : " (isValid disagrees with validate)")")
                }
            }
        }
        return tally
    }

    /// The `.json` files directly in `tests/draft2020-12/FOLDER`.
    static func files(in folder: String) -> [String] {
        let url = TestPaths.jsonSchemaTestSuite.appendingPathComponent("tests/draft2020-12").appendingPathComponent(folder)
        return TestPaths.files(in: url, withExtension: "json").map { folder.isEmpty ? $0 : folder + "/" + $0 }
    }
}
