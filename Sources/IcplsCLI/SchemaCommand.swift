import IcplsCore
import IcplsJSONRPC

/// `icpls schema`: the JSON Schema (draft 2020-12) of the document format,
/// generated from the same schema data the rules read.
public enum SchemaCommand {
    public static func schemaText() -> String {
        String(decoding: schema().encoded(), as: UTF8.self) + "\n"
    }

    public static func schema() -> JSONValue {
        var definitions: [(String, JSONValue)] = []
        for kind in ObjectKind.allCases where kind != .document {
            definitions.append((kind.rawValue, objectSchema(kind)))
        }
        var root: [(String, JSONValue)] = [
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string("https://icpls.dev/schema/icp-filing.schema.json")),
            ("title", .string("ICP filing document")),
            ("description", .string("Accounts, instances, service identification numbers and filing drafts for an ICP filing on Alibaba Cloud (*.icp.json, JSON with comments).")),
        ]
        if case .object(let document) = objectSchema(.document) {
            for (key, value) in document where key != "description" { root.append((key, value)) }
        }
        root.append(("$defs", .object(JSONObject(definitions))))
        return .object(JSONObject(root))
    }

    private static func objectSchema(_ kind: ObjectKind) -> JSONValue {
        var properties: [(String, JSONValue)] = []
        for member in kind.members {
            var property = valueSchema(member.kind)
            if case .object(var object) = property, let text = descriptions["\(kind.rawValue).\(member.name)"] {
                object["description"] = .string(text)
                property = .object(object)
            }
            properties.append((member.name, property))
        }
        var members: [(String, JSONValue)] = [
            ("type", .string("object")),
            ("description", .string(descriptions[kind.rawValue] ?? kind.rawValue)),
            ("properties", .object(JSONObject(properties))),
            ("additionalProperties", .bool(false)),
        ]
        let required = kind.members.filter(\.isRequired).map { JSONValue.string($0.name) }
        if !required.isEmpty { members.append(("required", .array(required))) }
        if kind == .instance {
            // A subscription needs the date it ends.
            members.append(("if", .object(JSONObject([
                ("properties", .object(JSONObject([("billing", .object(JSONObject([("const", .string("subscription"))])))]))),
                ("required", .array([.string("billing")])),
            ]))))
            members.append(("then", .object(JSONObject([("required", .array([.string("expiresOn")]))]))))
        }
        return .object(JSONObject(members))
    }

    private static func valueSchema(_ kind: ValueKind) -> JSONValue {
        switch kind {
        case .identifier: return ["type": "string", "minLength": 1]
        case .text: return ["type": "string"]
        case .enumeration(let values): return .object(JSONObject([("enum", .array(values.map { .string($0) }))]))
        case .date: return ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "format": "date"]
        case .positiveInteger: return ["type": "integer", "minimum": 1]
        case .nonNegativeNumber: return ["type": "number", "minimum": 0]
        case .boolean: return ["type": "boolean"]
        case .domain: return ["type": "string", "pattern": "^[^\\s/:?#@]+$"]
        case .region:
            return .object(JSONObject([
                ("type", .string("string")),
                ("examples", .array(Regions.all.map { .string($0) })),
            ]))
        case .anyValue: return .object(JSONObject())
        case .arrayOf(let kind):
            return .object(JSONObject([("type", .string("array")), ("items", .object(JSONObject([("$ref", .string("#/$defs/\(kind.rawValue)"))])))]))
        }
    }

    private static let descriptions: [String: String] = [
        "document": "An ICP filing document.",
        "document.$schema": "The JSON Schema of this document; ignored by the rules.",
        "document.accounts": "Alibaba Cloud accounts that buy instances, apply for numbers and file websites.",
        "document.instances": "Host instances and what makes them eligible to host a filing.",
        "document.serviceNumbers": "Service identification numbers applied for on instances.",
        "document.filings": "ICP filings and their websites.",
        "account": "An Alibaba Cloud account.",
        "account.id": "The account's id, unique in the workspace.",
        "account.name": "The account holder's name, e.g. the company.",
        "instance": "A host instance.",
        "instance.id": "The instance id, unique in the workspace (e.g. i-bp1a2b3c).",
        "instance.product": "The product: ecs, simple-application-server, web-hosting, elastic-web-hosting, ens, nat-gateway, ipv6-translation, marketplace-site can host a filing.",
        "instance.account": "The account that purchased the instance.",
        "instance.region": "The region id; only Chinese mainland regions can host a filing.",
        "instance.billing": "subscription, or pay-as-you-go (which cannot host a filing).",
        "instance.expiresOn": "The date the subscription ends (YYYY-MM-DD); required for subscriptions.",
        "instance.subscriptionMonths": "The total purchased term in months, renewals included.",
        "instance.publicBandwidthMbps": "Public bandwidth in Mbps; an ECS instance needs more than 0.",
        "instance.status": "running (default), stopped, expired or released.",
        "serviceNumber": "A service identification number.",
        "serviceNumber.number": "The number, unique in the workspace.",
        "serviceNumber.instance": "The instance the number was applied for on.",
        "serviceNumber.appliedBy": "The account that applied for the number; must be the instance's purchaser.",
        "serviceNumber.used": "true when a filing outside this workspace consumed the number.",
        "filing": "An ICP filing.",
        "filing.id": "The filing id, unique in the workspace.",
        "filing.account": "The account doing the filing.",
        "filing.status": "draft (default), submitted, approved or cancelled.",
        "filing.websites": "The websites of the filing.",
        "website": "A website of a filing.",
        "website.domain": "The bare host name, e.g. shop.example.cn.",
        "website.hosting": "alibaba-cloud (default), trustpass or other-provider.",
        "website.serviceNumber": "The service identification number backing the website.",
        "website.instance": "The instance selected directly (only by its purchaser).",
        "website.providerRemoved": "true when the service provider was removed later; the number stays used.",
    ]
}
