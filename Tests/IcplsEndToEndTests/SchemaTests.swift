import Foundation
import Testing
import IcplsCore
import IcplsJSONRPC
@testable import IcplsCLI

/// The committed copies of the JSON Schema are what `icpls schema` prints.
@Suite struct SchemaTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: ["editors/schema/icp-filing.schema.json", "editors/vscode/schema/icp-filing.schema.json"])
    func committedSchemaMatchesTheGeneratedOne(path: String) throws {
        let committed = try String(contentsOf: Self.packageRoot.appendingPathComponent(path), encoding: .utf8)
        #expect(committed == SchemaCommand.schemaText(), "regenerate with: icpls schema > \(path)")
    }

    @Test func schemaFollowsTheDocumentModel() throws {
        let schema = SchemaCommand.schema()
        #expect(schema["$schema"]?.stringValue == "https://json-schema.org/draft/2020-12/schema")
        for kind in ObjectKind.allCases where kind != .document {
            let definition = try #require(schema["$defs"]?[kind.rawValue])
            let properties = try #require(definition["properties"]?.objectValue)
            #expect(properties.keys == kind.members.map(\.name))
            let required = definition["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(required == kind.members.filter(\.isRequired).map(\.name))
            for key in properties.keys {
                #expect(properties[key]?["description"]?.stringValue?.isEmpty == false, "\(kind).\(key) has a description for completion")
            }
        }
        let instance = try #require(schema["$defs"]?["instance"])
        #expect(instance["then"]?["required"] == ["expiresOn"])
        #expect(instance["properties"]?["product"]?["enum"]?.arrayValue?.count == Product.allCases.count)
    }
}
