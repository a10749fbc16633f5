import EvalNorm
import Foundation
import Testing

/// `Schemas/` is the single source of truth: the library's embedded copies must match it byte for byte.
struct BundledSchemaTests {
    static let folder = TestPaths.repositoryRoot.appendingPathComponent("Schemas")
    static let files = TestPaths.files(in: folder, withExtension: "json").filter { $0.hasSuffix(".schema.json") }

    @Test func everySchemaFileIsEmbedded() throws {
        try #require(!Self.files.isEmpty, "no schema files found in \(Self.folder.path)")
        #expect(BundledSchemas.names == Self.files.map { String($0.dropLast(".schema.json".count)) })
    }

    @Test(arguments: files)
    func embeddedCopyMatchesTheFile(_ file: String) throws {
        let name = String(file.dropLast(".schema.json".count))
        let onDisk = String(decoding: try TestPaths.bytes(of: Self.folder.appendingPathComponent(file)), as: UTF8.self)
        #expect(BundledSchemas.text(named: name) == onDisk, "Schemas/\(file) changed: run Scripts/embed-schemas.sh")
        let schema = try #require(BundledSchemas.schema(named: name))
        #expect(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["$id"]?.stringValue?.hasSuffix("/\(file)") == true)
    }
}
